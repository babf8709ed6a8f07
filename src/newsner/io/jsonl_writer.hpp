// Writes results as JSON lines (DESIGN.md section 3): one line per document,
//   {"id":...,"entities":[{"text","type","start","end","value"?,"mod"?,"kb_id"?}]}
// and in JSONL mode the input record's fields first. Strings are escaped per
// RFC 8259 (", \, and control characters; other UTF-8 is written as is).
// Offsets: mention spans are BYTES in the library; the writer converts them to
//   code points (default), bytes or UTF-16 code units.
// Thread safety: pure functions writing into a caller-owned buffer.
#pragma once

#include <string>
#include <string_view>

#include <fmt/format.h>

#include "newsner/newsner.hpp"
#include "newsner/text/utf8.hpp"

namespace newsner::io {

struct WriteOptions {
  text::OffsetUnit offsets = text::OffsetUnit::CodePoint;
  bool explain = false;     // add "evidence": [...] to each mention
  bool sentence = false;    // add "sentence": index
};

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

}  // namespace newsner::io
