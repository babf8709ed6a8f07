// Writes results as JSON lines (DESIGN.md section 3): one line per document,
//   {"id":...,"entities":[{"text","type","start","end","value"?,"mod"?,"kb_id"?}]}
// and in JSONL mode the input record's fields first. Strings are escaped per
// RFC 8259 (", \, and control characters; other UTF-8 is written as is).
// Offsets: mention spans are BYTES in the library; the writer converts them to
//   code points (default), bytes or UTF-16 code units.
// Thread safety: pure functions writing into a caller-owned buffer.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include <fmt/format.h>

#include "newsner/newsner.hpp"
#include "newsner/text/utf8.hpp"

namespace newsner::io {

struct WriteOptions {
  text::OffsetUnit offsets = text::OffsetUnit::CodePoint;
  bool explain = false;     // add "evidence": [...] to each mention
  bool sentence = false;    // add "sentence": index
};

/// Output bytes for the line functions below that grow without a pass over
/// them: std::string::resize zero-fills the bytes it adds, which the writer
/// then overwrites (a second pass over every output line). Move-only;
/// a moved-from buffer is empty.
class LineBuffer {
 public:
  LineBuffer() = default;
  LineBuffer(LineBuffer&& o) noexcept
      : data_(std::move(o.data_)), size_(std::exchange(o.size_, 0)), capacity_(std::exchange(o.capacity_, 0)) {}
  LineBuffer& operator=(LineBuffer&& o) noexcept {
    if (this != &o) {
      data_ = std::move(o.data_);
      size_ = std::exchange(o.size_, 0);
      capacity_ = std::exchange(o.capacity_, 0);
    }
    return *this;
  }

  const char* data() const { return data_.get(); }
  char* data() { return data_.get(); }
  std::size_t size() const { return size_; }
  std::size_t capacity() const { return capacity_; }
  bool empty() const { return size_ == 0; }
  std::string_view view() const { return {data_.get(), size_}; }
  void clear() { size_ = 0; }
  /// Capacity for at least `n` bytes (at least doubling), the first size() kept.
  void reserve(std::size_t n);
  /// `n` <= capacity(): the first `n` bytes, written through data(), are the contents.
  void set_size(std::size_t n) { size_ = n; }

 private:
  std::unique_ptr<char[]> data_;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;
};

/// True when no byte of `s` needs a JSON escape (", \ or a control
/// character): its literal is then `s` quoted (for valid UTF-8).
bool is_plain_json_string(std::string_view s);

/// Appends `s` as a JSON string literal (with quotes). Invalid UTF-8 is repaired.
void append_json_string(std::string& out, std::string_view s);

/// Appends `"entities":[...]` for an extraction.
void append_entities(std::string& out, const Extraction& r, const WriteOptions& opt);

/// A whole output line for a file or stdin document: {"id":"<path>","entities":[...]}\n
/// or, when r.error is set, {"id":"<path>","error":"..."}\n.
void append_document_line(std::string& out, std::string_view id, const Extraction& r, const WriteOptions& opt);

/// A whole output line for a JSONL record: {<passthrough>,"id":N?,"entities":[...]}\n.
/// `id_json` is added only when the record had no id field (line number).
void append_record_line(std::string& out, std::string_view passthrough, std::string_view id_json,
                        const Extraction* r, std::string_view error, const WriteOptions& opt);

/// The same lines into a LineBuffer (the same bytes).
void append_document_line(LineBuffer& out, std::string_view id, const Extraction& r, const WriteOptions& opt);
void append_record_line(LineBuffer& out, std::string_view passthrough, std::string_view id_json,
                        const Extraction* r, std::string_view error, const WriteOptions& opt);

}  // namespace newsner::io
