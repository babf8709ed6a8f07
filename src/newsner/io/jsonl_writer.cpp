#include "newsner/io/jsonl_writer.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstring>

namespace newsner::io {
namespace {

constexpr std::uint64_t kOnes = 0x0101010101010101ull;
constexpr std::uint64_t kHighs = 0x8080808080808080ull;

// True when one of the 8 bytes of `w` needs a JSON escape (", \ or a control
// character) or is not ASCII. Exact as a yes/no answer (the bit tricks of
// "hasless"/"haszero"); the bytes are then looked at one by one.
inline bool special8(std::uint64_t w) {
  const std::uint64_t quote = w ^ (kOnes * '"'), backslash = w ^ (kOnes * '\\');
  const std::uint64_t control = (w - kOnes * 0x20) & ~w;
  const std::uint64_t q = (quote - kOnes) & ~quote, b = (backslash - kOnes) & ~backslash;
  return ((control | q | b | w) & kHighs) != 0;
}

inline bool is_ascii(std::string_view s) {
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    if (w & kHighs) return false;
  }
  for (; i < s.size(); ++i) {
    if (static_cast<unsigned char>(s[i]) >= 0x80) return false;
  }
  return true;
}

// Writes a line through a raw pointer into `out` instead of one std::string
// append (capacity check, size update) per piece: room() grows the string
// geometrically (zero-filled, amortized) and finish() trims it to what was
// written. At most one Writer per string at a time.
class Writer {
 public:
  explicit Writer(std::string& out) : out_(out), p_(out.data() + out.size()), end_(p_) {}
  ~Writer() { finish(); }
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;

  /// Makes room for `n` more bytes at the write position.
  void room(std::size_t n) {
    if (static_cast<std::size_t>(end_ - p_) >= n) return;
    const std::size_t used = static_cast<std::size_t>(p_ - out_.data());
    out_.resize(std::max(used + n, std::max<std::size_t>(2 * out_.size(), 256)));
    p_ = out_.data() + used;
    end_ = out_.data() + out_.size();
  }
  void finish() { out_.resize(static_cast<std::size_t>(p_ - out_.data())); end_ = p_; }

  // The put functions need room() first.
  void put(char c) { *p_++ = c; }
  void put(std::string_view s) {
    std::memcpy(p_, s.data(), s.size());
    p_ += s.size();
  }
  void put_number(std::uint64_t v) { p_ = std::to_chars(p_, p_ + 20, v).ptr; }

  // `s` as a JSON string literal: needs room(6 * s.size() + 2); `s` must be valid UTF-8.
  void put_valid_string(std::string_view s) {
    *p_++ = '"';
    const char* d = s.data();
    std::size_t i = 0;
    const std::size_t n = s.size();
    while (i < n) {
      // 8 bytes at a time while none needs a look (most names and values).
      if (i + 8 <= n) {
        std::uint64_t w;
        std::memcpy(&w, d + i, 8);
        if (!special8(w)) {
          std::memcpy(p_, &w, 8);
          p_ += 8;
          i += 8;
          continue;
        }
      }
      const std::size_t stop = std::min(n, i + 8);
      for (; i < stop; ++i) put_escaped(static_cast<unsigned char>(d[i]));
    }
    *p_++ = '"';
  }

  /// `s` as a JSON string literal (with quotes). Invalid UTF-8 is repaired.
  void json_string(std::string_view s, bool known_valid = false) {
    if (!known_valid && !is_ascii(s) && !text::is_valid_utf8(s)) {
      const std::string repaired = text::repair_utf8(s);
      room(6 * repaired.size() + 2);
      put_valid_string(repaired);
      return;
    }
    room(6 * s.size() + 2);
    put_valid_string(s);
  }

 private:
  void put_escaped(unsigned char c) {
    if (c >= 0x20 && c != '"' && c != '\\') {
      *p_++ = static_cast<char>(c);
      return;
    }
    *p_++ = '\\';
    switch (c) {
      case '"': *p_++ = '"'; break;
      case '\\': *p_++ = '\\'; break;
      case '\n': *p_++ = 'n'; break;
      case '\r': *p_++ = 'r'; break;
      case '\t': *p_++ = 't'; break;
      case '\b': *p_++ = 'b'; break;
      case '\f': *p_++ = 'f'; break;
      default: {
        static constexpr char kHex[] = "0123456789abcdef";
        const char u[5] = {'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
        std::memcpy(p_, u, 5);
        p_ += 5;
      }
    }
  }

  std::string& out_;
  char* p_;
  char* end_;
};

// A mention's text is valid UTF-8 without a check when the whole text is and
// the span starts and ends on character boundaries.
bool boundary(std::string_view text, std::uint32_t at) {
  return at >= text.size() || (static_cast<unsigned char>(text[at]) & 0xC0) != 0x80;
}

void write_entities(Writer& w, const Extraction& r, const WriteOptions& opt) {
  w.room(16);
  w.put("\"entities\":[");
  const std::string_view text = r.text;
  const bool text_valid = text::is_valid_utf8(text);
  text::OffsetConverter conv(text, opt.offsets);
  bool first = true;
  for (const Mention& m : r.mentions) {
    w.room(16);  // ',' and {"text":
    if (!first) w.put(',');
    first = false;
    w.put("{\"text\":");
    const std::string_view surface = text.substr(m.span.begin, m.span.size());
    w.json_string(surface, text_valid && boundary(text, m.span.begin) && boundary(text, m.span.end));
    w.room(96);  // type, start and end (two numbers of <= 20 digits), the "value" key
    w.put(",\"type\":\"");
    w.put(to_string(m.type));
    w.put("\",\"start\":");
    w.put_number(conv.convert(m.span.begin));
    w.put(",\"end\":");
    w.put_number(conv.convert(m.span.end));
    if (!m.value.empty()) {
      w.put(",\"value\":");
      w.json_string(m.value);
    }
    if (!m.mod.empty()) {
      w.room(8);
      w.put(",\"mod\":");
      w.json_string(m.mod);
    }
    if (!m.kb_id.empty()) {
      w.room(10);
      w.put(",\"kb_id\":");
      w.json_string(m.kb_id);
    }
    w.room(48);  // "sentence" and its number, the "evidence" key, the closing brace
    if (opt.sentence) {
      w.put(",\"sentence\":");
      w.put_number(m.sentence);
    }
    if (opt.explain) {
      w.put(",\"evidence\":[");
      for (std::size_t k = 0; k < m.evidence.size(); ++k) {
        w.room(1);
        if (k) w.put(',');
        w.json_string(m.evidence[k]);
      }
      w.room(2);
      w.put(']');
    }
    w.put('}');
  }
  w.room(1);
  w.put(']');
}

}  // namespace

void append_json_string(std::string& out, std::string_view s) {
  Writer w(out);
  w.json_string(s);
}

void append_entities(std::string& out, const Extraction& r, const WriteOptions& opt) {
  Writer w(out);
  write_entities(w, r, opt);
}

void append_document_line(std::string& out, std::string_view id, const Extraction& r, const WriteOptions& opt) {
  Writer w(out);
  w.room(8);
  w.put("{\"id\":");
  w.json_string(id);
  w.room(10);
  w.put(',');
  if (!r.error.empty()) {
    w.put("\"error\":");
    w.json_string(r.error);
  } else {
    write_entities(w, r, opt);
  }
  w.room(2);
  w.put("}\n");
}

void append_record_line(std::string& out, std::string_view passthrough, std::string_view id_json,
                        const Extraction* r, std::string_view error, const WriteOptions& opt) {
  Writer w(out);
  w.room(passthrough.size() + id_json.size() + 24);  // braces, commas, the "id" and "error" keys
  w.put('{');
  w.put(passthrough);
  bool need_comma = !passthrough.empty();
  if (!id_json.empty()) {
    if (need_comma) w.put(',');
    w.put("\"id\":");
    w.put(id_json);
    need_comma = true;
  }
  if (need_comma) w.put(',');
  if (r && error.empty() && r->error.empty()) {
    write_entities(w, *r, opt);
  } else {
    w.put("\"error\":");
    w.json_string(error.empty() && r ? std::string_view(r->error) : error);
  }
  w.room(2);
  w.put("}\n");
}

}  // namespace newsner::io
