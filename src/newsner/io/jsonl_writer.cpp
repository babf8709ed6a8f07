#include "newsner/io/jsonl_writer.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <memory>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace newsner::io {
namespace {

constexpr std::uint64_t kOnes = 0x0101010101010101ull;
constexpr std::uint64_t kHighs = 0x8080808080808080ull;

// True when one of the 8 bytes of `w` needs a JSON escape: ", \ or a control
// character (other bytes of valid UTF-8 are written as they are). Exact as a
// yes/no answer (the "hasless"/"haszero" bit tricks); the bytes are then looked
// at one by one.
inline bool special8(std::uint64_t w) {
  const std::uint64_t quote = w ^ (kOnes * '"'), backslash = w ^ (kOnes * '\\');
  const std::uint64_t control = (w - kOnes * 0x20) & ~w;
  const std::uint64_t q = (quote - kOnes) & ~quote, b = (backslash - kOnes) & ~backslash;
  return ((control | q | b) & kHighs) != 0;
}

#if defined(__SSE2__)
// The same for the 16 bytes of `v` (SSE2 is part of x86-64).
inline bool special16(__m128i v) {
  const __m128i quote = _mm_cmpeq_epi8(v, _mm_set1_epi8('"'));
  const __m128i backslash = _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'));
  const __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1F)), v);  // v <= 0x1F, unsigned
  return _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(quote, backslash), control)) != 0;
}
#endif

// The put functions write at `p` (the Writer made room) and return the end of
// what they wrote. Free functions on a local pointer, not Writer members: a
// char store may alias a member pointer, which would then be reloaded and
// stored back around every byte written.
// `inline`: several calls per mention; with the hint GCC inlines them into
// write_entities (callgrind: -1.6 M instructions on the 3 MB sample).

inline char* put_raw(char* p, std::string_view s) {
  std::memcpy(p, s.data(), s.size());
  return p + s.size();
}

/// One of a few short constant strings, padded to 32 bytes: a fixed-size copy
/// (needs room for 32 bytes), then the position moves by its length.
inline char* put_padded(char* p, const char (&padded)[32], std::size_t length) {
  std::memcpy(p, padded, 32);
  return p + length;
}

/// Up to 20 digits.
inline char* put_number(char* p, std::uint64_t v) {
  static constexpr char kPairs[] =
      "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
      "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
      "8081828384858687888990919293949596979899";
  static constexpr std::uint64_t kPow10[20] = {1ull, 10ull, 100ull, 1000ull, 10000ull, 100000ull, 1000000ull,
                                               10000000ull, 100000000ull, 1000000000ull, 10000000000ull,
                                               100000000000ull, 1000000000000ull, 10000000000000ull,
                                               100000000000000ull, 1000000000000000ull, 10000000000000000ull,
                                               100000000000000000ull, 1000000000000000000ull,
                                               10000000000000000000ull};
  // Most offsets have up to 4 digits (news articles are a few KB): one or two
  // pairs from the table. Offsets come in increasing order, so the branches
  // change direction a few times a document.
  if (v < 100) {
    if (v < 10) {
      *p = static_cast<char>('0' + v);
      return p + 1;
    }
    std::memcpy(p, kPairs + 2 * v, 2);
    return p + 2;
  }
  if (v < 10000) {
    const auto u = static_cast<std::uint32_t>(v);
    const std::uint32_t high = u / 100, low = u % 100;
    if (high < 10) {
      *p = static_cast<char>('0' + high);
      std::memcpy(p + 1, kPairs + 2 * low, 2);
      return p + 3;
    }
    std::memcpy(p, kPairs + 2 * high, 2);
    std::memcpy(p + 2, kPairs + 2 * low, 2);
    return p + 4;
  }
  // Digits without a loop: log10 from the bit width (1233 / 4096 ~ log10(2)),
  // off by at most one, which the table settles (v | 1: 0 has one digit too).
  const unsigned guess = (static_cast<unsigned>(std::bit_width(v | 1)) * 1233) >> 12;
  const unsigned digits = guess + 1 - ((v | 1) < kPow10[guess]);
  char* q = p + digits;
  p = q;
  while (v > 0xFFFFFFFFu) {
    q -= 2;
    std::memcpy(q, kPairs + 2 * (v % 100), 2);
    v /= 100;
  }
  auto u = static_cast<std::uint32_t>(v);  // offsets fit: 32-bit division by 100 is cheaper
  while (u >= 100) {
    q -= 2;
    std::memcpy(q, kPairs + 2 * (u % 100), 2);
    u /= 100;
  }
  if (u >= 10) {
    std::memcpy(q - 2, kPairs + 2 * u, 2);
  } else {
    q[-1] = static_cast<char>('0' + u);
  }
  return p;
}

/// Copies `s` when none of its bytes needs an escape (the usual case) and
/// returns true; `*ascii` tells whether all its bytes are ASCII. Reads and
/// writes whole words: the first and last ones overlap for lengths that are
/// not a multiple of their size, so no byte past `s` is read.
/// Writes at `p_` (room for s.size() bytes); on false, what it wrote is to be overwritten.
/// Always inlined: GCC kept a clone out of line, a call per kb_id, value and
/// longer mention text (36,000 on 3 MB of real text).
[[gnu::always_inline]] inline bool put_plain(char* p_, std::string_view s, bool* ascii) {
  const char* d = s.data();
  const std::size_t n = s.size();
#if defined(__SSE2__)
  if (n >= 8) {
    // Most names, values and ids have 8 to 16 bytes: one vector holds the
    // first and the last 8 of them.
    if (n <= 16) {
      const __m128i v = _mm_unpacklo_epi64(_mm_loadl_epi64(reinterpret_cast<const __m128i*>(d)),
                                           _mm_loadl_epi64(reinterpret_cast<const __m128i*>(d + n - 8)));
      if (special16(v)) return false;
      _mm_storel_epi64(reinterpret_cast<__m128i*>(p_), v);
      _mm_storel_epi64(reinterpret_cast<__m128i*>(p_ + n - 8), _mm_unpackhi_epi64(v, v));
      *ascii = _mm_movemask_epi8(v) == 0;
    } else {
      __m128i all = _mm_setzero_si128();
      for (std::size_t i = 0;; i += 16) {
        const std::size_t at = i + 16 < n ? i : n - 16;
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(d + at));
        if (special16(v)) return false;
        all = _mm_or_si128(all, v);
        _mm_storeu_si128(reinterpret_cast<__m128i*>(p_ + at), v);
        if (at == n - 16) break;
      }
      *ascii = _mm_movemask_epi8(all) == 0;
    }
    return true;
  }
#else
  if (n >= 8) {
    std::uint64_t w, all = 0;
    for (std::size_t i = 0;; i += 8) {
      const std::size_t at = i + 8 < n ? i : n - 8;
      std::memcpy(&w, d + at, 8);
      if (special8(w)) return false;
      all |= w;
      std::memcpy(p_ + at, &w, 8);
      if (at == n - 8) break;
    }
    *ascii = (all & kHighs) == 0;
    return true;
  }
#endif
  std::uint64_t w = 0;
  if (n >= 4) {
    std::uint32_t lo, hi;
    std::memcpy(&lo, d, 4);
    std::memcpy(&hi, d + n - 4, 4);
    w = lo | (std::uint64_t{hi} << 32);
    if (special8(w)) return false;
    std::memcpy(p_, &lo, 4);
    std::memcpy(p_ + n - 4, &hi, 4);
  } else if (n > 0) {
    // 1 to 3 bytes: the first, middle and last one cover them; the rest of the word counts as spaces.
    const unsigned char a = static_cast<unsigned char>(d[0]), b = static_cast<unsigned char>(d[n / 2]),
                        c = static_cast<unsigned char>(d[n - 1]);
    w = a | (std::uint64_t{b} << 8) | (std::uint64_t{c} << 16) | (kOnes * ' ' & ~std::uint64_t{0xFFFFFF});
    if (special8(w)) return false;
    p_[0] = static_cast<char>(a);
    p_[n / 2] = static_cast<char>(b);
    p_[n - 1] = static_cast<char>(c);
  }
  *ascii = (w & kHighs) == 0;
  return true;
}

#if defined(__SSE2__)
/// put_plain for `n` <= 16 bytes at `d` that are followed by at least 16 - n
/// readable bytes: one load of 16, the lanes past `n` masked out. Writes 16
/// bytes at `p_`. (A mention's text is such a slice, and most are that short:
/// put_plain's length cases took three branches, each unpredictable from one
/// mention to the next.)
inline bool put_plain16(char* p_, const char* d, std::size_t n, bool* ascii) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(d));
  const __m128i lanes = _mm_setr_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
  const __m128i keep = _mm_cmpgt_epi8(_mm_set1_epi8(static_cast<char>(n)), lanes);  // lane < n
  const __m128i quote = _mm_cmpeq_epi8(v, _mm_set1_epi8('"'));
  const __m128i backslash = _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'));
  const __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1F)), v);  // v <= 0x1F, unsigned
  const __m128i special = _mm_and_si128(_mm_or_si128(_mm_or_si128(quote, backslash), control), keep);
  if (_mm_movemask_epi8(special) != 0) return false;
  _mm_storeu_si128(reinterpret_cast<__m128i*>(p_), v);
  *ascii = _mm_movemask_epi8(_mm_and_si128(v, keep)) == 0;
  return true;
}
#endif

char* put_escaped(char* p, unsigned char c) {
  if (c >= 0x20 && c != '"' && c != '\\') {
    *p++ = static_cast<char>(c);
    return p;
  }
  *p++ = '\\';
  switch (c) {
    case '"': *p++ = '"'; break;
    case '\\': *p++ = '\\'; break;
    case '\n': *p++ = 'n'; break;
    case '\r': *p++ = 'r'; break;
    case '\t': *p++ = 't'; break;
    case '\b': *p++ = 'b'; break;
    case '\f': *p++ = 'f'; break;
    default: {
      static constexpr char kHex[] = "0123456789abcdef";
      const char u[5] = {'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
      std::memcpy(p, u, 5);
      p += 5;
    }
  }
  return p;
}

struct Literal {
  char* end;   // past the closing quote
  bool ascii;  // false: `s` may be invalid UTF-8, for the caller to check
};

/// `s` as a JSON string literal: needs room for 6 * s.size() + 2 bytes. When
/// `s` is not all ASCII it may be invalid UTF-8: the caller checks (it may know
/// better, e.g. for a slice of a valid text) and, if so, has the Writer write
/// it again repaired (Writer::put_repaired).
inline Literal put_literal(char* p, std::string_view s) {
  *p++ = '"';
  bool ascii = true;
  if (put_plain(p, s, &ascii)) {
    p += s.size();
  } else {
    unsigned char bytes = 0;  // the bytes of `s` OR-ed together
    for (const char c : s) {
      bytes |= static_cast<unsigned char>(c);
      p = put_escaped(p, static_cast<unsigned char>(c));
    }
    ascii = bytes < 0x80;
  }
  *p++ = '"';
  return {p, ascii};
}

/// put_literal for `s` of at most 16 bytes followed by at least 16 - s.size()
/// readable bytes (needs room for 16 + 2 bytes besides put_literal's).
inline Literal put_short_literal(char* p, std::string_view s) {
#if defined(__SSE2__)
  bool ascii = true;
  if (put_plain16(p + 1, s.data(), s.size(), &ascii)) {
    *p = '"';
    p += 1 + s.size();
    *p++ = '"';
    return {p, ascii};
  }
#endif
  return put_literal(p, s);
}

// Where a Writer writes. A std::string grows by resize(), which zero-fills
// the bytes it adds before the Writer overwrites them; a LineBuffer grows
// without that pass over the line.
class StringOut {
 public:
  explicit StringOut(std::string& s) : s_(s) {}
  char* data() { return s_.data(); }
  std::size_t size() const { return s_.size(); }
  /// Bytes from data() that may be written.
  std::size_t writable() const { return s_.size(); }
  /// Makes `n` bytes past `used` writable (those before it kept); returns
  /// writable(). The string grows by what is asked plus `slack` (its capacity
  /// doubles as usual), so that zero-filling costs about one pass over the line.
  std::size_t grow(std::size_t used, std::size_t n, std::size_t slack) {
    std::size_t size = used + n + slack;
    // The slack stops at the capacity (reserved for the line) when the bytes
    // asked for fit: past it the string would reallocate and copy.
    if (used + n <= s_.capacity()) size = std::min(size, s_.capacity());
    s_.resize(size);
    return size;
  }
  /// Capacity for `n` bytes past `used`; returns writable() (grow() still has to be asked).
  std::size_t reserve(std::size_t used, std::size_t n) {
    s_.reserve(used + n);
    return s_.size();
  }
  void finish(std::size_t used) { s_.resize(used); }

 private:
  std::string& s_;
};

class BufferOut {
 public:
  explicit BufferOut(LineBuffer& b) : b_(b) {}
  char* data() { return b_.data(); }
  std::size_t size() const { return b_.size(); }
  std::size_t writable() const { return b_.capacity(); }
  std::size_t grow(std::size_t used, std::size_t n, std::size_t /*slack*/) { return reserve(used, n); }
  std::size_t reserve(std::size_t used, std::size_t n) {
    b_.set_size(used);  // the bytes written so far move with a reallocation
    b_.reserve(used + n);
    return b_.capacity();
  }
  void finish(std::size_t used) { b_.set_size(used); }

 private:
  LineBuffer& b_;
};

// Writes a line through a raw pointer into `out` instead of one std::string
// append (capacity check, size update) per piece: room() makes the output
// writable ahead of the writes and finish() sets its size to what was written.
// At most one Writer per output at a time.
template <class Out>
class Writer {
 public:
  /// `slack`: bytes added to each growth of a std::string (see StringOut::grow).
  explicit Writer(Out out, std::size_t slack = 1024)
      : out_(out), p_(out_.data() + out_.size()), end_(out_.data() + out_.writable()), slack_(slack) {}
  ~Writer() { finish(); }
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;

  /// Makes room for `n` more bytes at the write position.
  void room(std::size_t n) {
    if (static_cast<std::size_t>(end_ - p_) >= n) return;
    const std::size_t used = static_cast<std::size_t>(p_ - out_.data());
    const std::size_t writable = out_.grow(used, n, slack_);
    p_ = out_.data() + used;
    end_ = out_.data() + writable;
  }
  /// Reserves capacity for `n` more bytes (room() still has to be asked).
  void reserve(std::size_t n) {
    const std::size_t used = static_cast<std::size_t>(p_ - out_.data());
    const std::size_t writable = out_.reserve(used, n);
    p_ = out_.data() + used;
    end_ = out_.data() + writable;
  }
  void finish() {
    out_.finish(static_cast<std::size_t>(p_ - out_.data()));
    end_ = p_;
  }

  /// The write position, for the put functions; seek() takes back where they ended.
  char* mark() const { return p_; }
  void seek(char* p) { p_ = p; }

  // Need room() first.
  void put(char c) { *p_++ = c; }
  void put(std::string_view s) { p_ = put_raw(p_, s); }

  /// `s` as a JSON string literal (with quotes). Invalid UTF-8 is repaired.
  void json_string(std::string_view s) {
    room(6 * s.size() + 2);
    char* const start = p_;
    const Literal lit = put_literal(start, s);
    p_ = lit.end;
    if (!lit.ascii && !text::is_valid_utf8(s)) put_repaired(start, s);
  }

  /// Goes back to `start` (a position since the last room()) and writes `s`,
  /// not valid UTF-8, repaired.
  void put_repaired(char* start, std::string_view s) {
    p_ = start;
    const std::string repaired = text::repair_utf8(s);
    room(6 * repaired.size() + 2);
    p_ = put_literal(p_, repaired).end;
  }

 private:
  Out out_;
  char* p_;
  char* end_;
  std::size_t slack_;
};

// A mention's text is valid UTF-8 without a check when the whole text is and
// the span starts and ends on character boundaries.
bool boundary(std::string_view text, std::uint32_t at) {
  return at >= text.size() || (static_cast<unsigned char>(text[at]) & 0xC0) != 0x80;
}

// `,"type":"PERSON","start":` and the like, padded for Writer::put_padded.
struct TypeKey {
  char text[32] = {};
  std::size_t size = 0;
  explicit TypeKey(EntityType t) {
    const std::string_view parts[] = {",\"type\":\"", to_string(t), "\",\"start\":"};
    for (std::string_view part : parts) {
      std::memcpy(text + size, part.data(), part.size());
      size += part.size();
    }
  }
};

// Bytes a JSON string literal of `s` may take, escaped (not repaired: that path
// asks for its own room).
std::size_t literal_bound(std::string_view s) { return 6 * s.size() + 2; }

// Bytes `"entities":[...]` takes for most lines: about 100 a mention without
// --explain.
std::size_t entities_estimate(const Extraction& r, const WriteOptions& opt) {
  return 16 + r.mentions.size() * (opt.explain ? 160 : 112);
}

template <class Out>
void write_entities(Writer<Out>& w, const Extraction& r, const WriteOptions& opt) {
  static const TypeKey kTypeKeys[] = {TypeKey(EntityType::Person), TypeKey(EntityType::Location),
                                      TypeKey(EntityType::Organization), TypeKey(EntityType::Date)};
  // One allocation for most lines (a no-op when the caller reserved the line).
  w.reserve(entities_estimate(r, opt));
  w.room(16);
  w.put("\"entities\":[");
  const std::string_view text = r.text;
  // The text is checked as UTF-8 once, and only when a mention's text is not
  // ASCII: then the slice is valid when the text is and it starts and ends on
  // character boundaries. (The extractor repairs the text, so this is a guard.)
  enum class Validity : std::uint8_t { Unknown, Valid, Invalid } text_validity = Validity::Unknown;
  const auto valid_slice = [&](Span span) {
    if (text_validity == Validity::Unknown) {
      text_validity = text::is_valid_utf8(text) ? Validity::Valid : Validity::Invalid;
    }
    return text_validity == Validity::Valid && boundary(text, span.begin) && boundary(text, span.end);
  };
  // In an ASCII text (most English news) every unit is a byte: no conversion,
  // and no scan of the text for its ASCII runs.
  text::OffsetConverter conv(text, r.ascii ? text::OffsetUnit::Byte : opt.offsets);
  bool first = true;
  for (const Mention& m : r.mentions) {
    const std::string_view surface = text.substr(m.span.begin, m.span.size());
    // One check for room per mention: the literals, plus the fixed parts (keys,
    // punctuation, three numbers of at most 20 digits, 32-byte padded copies).
    std::size_t bound = 192 + literal_bound(surface) + literal_bound(m.value) + literal_bound(m.mod) +
                        literal_bound(m.kb_id);
    if (opt.explain) {
      for (std::string_view e : m.evidence) bound += literal_bound(e) + 1;
    }
    w.room(bound);
    char* p = w.mark();
    // A literal that turns out not to be valid UTF-8 is written again repaired,
    // by the Writer (which asks for room of its own); then the room for the
    // rest of the mention is asked again (`bound` covers it).
    const auto repair = [&](char* start, std::string_view s) {
      w.put_repaired(start, s);
      w.room(bound);
      return w.mark();
    };
    const auto literal = [&](char* at, std::string_view s) {
      const Literal lit = put_literal(at, s);
      return lit.ascii || text::is_valid_utf8(s) ? lit.end : repair(at, s);
    };
    if (!first) *p++ = ',';
    first = false;
    p = put_raw(p, "{\"text\":");
    // A short one with 16 bytes of text from its start: put_short_literal (the
    // 16 bytes it writes are within `bound`: its fixed parts take 114).
    const Literal lit = surface.size() <= 16 && m.span.begin + 16 <= text.size() ? put_short_literal(p, surface)
                                                                                  : put_literal(p, surface);
    p = lit.ascii || valid_slice(m.span) ? lit.end : repair(p, surface);
    const TypeKey& type = kTypeKeys[static_cast<int>(m.type) & 3];
    p = put_padded(p, type.text, type.size);
    p = put_number(p, conv.convert(m.span.begin));
    p = put_raw(p, ",\"end\":");
    p = put_number(p, conv.convert(m.span.end));
    if (!m.value.empty()) p = literal(put_raw(p, ",\"value\":"), m.value);
    if (!m.mod.empty()) p = literal(put_raw(p, ",\"mod\":"), m.mod);
    if (!m.kb_id.empty()) p = literal(put_raw(p, ",\"kb_id\":"), m.kb_id);
    if (opt.sentence) p = put_number(put_raw(p, ",\"sentence\":"), m.sentence);
    if (opt.explain) {
      p = put_raw(p, ",\"evidence\":[");
      for (std::size_t k = 0; k < m.evidence.size(); ++k) {
        if (k) *p++ = ',';
        p = literal(p, m.evidence[k]);
      }
      *p++ = ']';
    }
    *p++ = '}';
    w.seek(p);
  }
  w.room(1);
  w.put(']');
}

template <class Out>
void write_document_line(Writer<Out>& w, std::string_view id, const Extraction& r, const WriteOptions& opt) {
  // The whole line at once: the id's room would otherwise be one allocation
  // and the entities' a second, copying the first.
  w.reserve(id.size() + 32 + (r.error.empty() ? entities_estimate(r, opt) : r.error.size()));
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

template <class Out>
void write_record_line(Writer<Out>& w, std::string_view passthrough, std::string_view id_json, const Extraction* r,
                       std::string_view error, const WriteOptions& opt) {
  // The whole line at once: the passthrough's room would otherwise be one
  // allocation and the entities' a second, copying the first.
  w.reserve(passthrough.size() + id_json.size() + 32 + (r ? entities_estimate(*r, opt) : 0));
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

}  // namespace

void LineBuffer::reserve(std::size_t n) {
  if (n <= capacity_) return;
  const std::size_t capacity = std::max(n, 2 * capacity_);
  auto bigger = std::make_unique_for_overwrite<char[]>(capacity);
  if (size_ != 0) std::memcpy(bigger.get(), data_.get(), size_);
  data_ = std::move(bigger);
  capacity_ = capacity;
}

bool is_plain_json_string(std::string_view s) {
  // put_plain's test, 8 bytes at a time (the first and last words overlap).
  const char* d = s.data();
  const std::size_t n = s.size();
  std::uint64_t w;
  if (n >= 8) {
    for (std::size_t i = 0;; i += 8) {
      const std::size_t at = i + 8 < n ? i : n - 8;
      std::memcpy(&w, d + at, 8);
      if (special8(w)) return false;
      if (at == n - 8) return true;
    }
  }
  if (n >= 4) {
    std::uint32_t lo, hi;
    std::memcpy(&lo, d, 4);
    std::memcpy(&hi, d + n - 4, 4);
    w = lo | (std::uint64_t{hi} << 32);
  } else {
    w = kOnes * ' ';  // spaces need no escape
    for (std::size_t i = 0; i < n; ++i) w = (w << 8) | static_cast<unsigned char>(d[i]);
  }
  return !special8(w);
}

void append_json_string(std::string& out, std::string_view s) {
  // One string (e.g. a key of a record): zero-filling 1 KB would cost more than it.
  Writer<StringOut> w{StringOut(out), 0};
  w.json_string(s);
}

void append_entities(std::string& out, const Extraction& r, const WriteOptions& opt) {
  Writer<StringOut> w{StringOut(out)};
  write_entities(w, r, opt);
}

void append_document_line(std::string& out, std::string_view id, const Extraction& r, const WriteOptions& opt) {
  Writer<StringOut> w{StringOut(out)};
  write_document_line(w, id, r, opt);
}

void append_document_line(LineBuffer& out, std::string_view id, const Extraction& r, const WriteOptions& opt) {
  Writer<BufferOut> w{BufferOut(out)};
  write_document_line(w, id, r, opt);
}

void append_record_line(std::string& out, std::string_view passthrough, std::string_view id_json,
                        const Extraction* r, std::string_view error, const WriteOptions& opt) {
  Writer<StringOut> w{StringOut(out)};
  write_record_line(w, passthrough, id_json, r, error, opt);
}

void append_record_line(LineBuffer& out, std::string_view passthrough, std::string_view id_json,
                        const Extraction* r, std::string_view error, const WriteOptions& opt) {
  Writer<BufferOut> w{BufferOut(out)};
  write_record_line(w, passthrough, id_json, r, error, opt);
}

}  // namespace newsner::io
