#include "newsner/recognize/context.hpp"

namespace newsner::recognize {

using gazetteer::EntryClass;
using text::Shape;

bool Context::is_cap(std::size_t i) const {
  const Shape s = tt.tokens[i].shape;
  return s == Shape::Capitalized || s == Shape::AllCaps || s == Shape::Mixed;
}

Context::Context(const text::TokenizedText& tokens, const gazetteer::Matcher& m)
    : tt(tokens), matcher(m) {
  const std::size_t n = tt.tokens.size();
  matcher.find_all(tt, matches);
  first_match.assign(n, kNone);
  token_classes.assign(n, 0);
  caps_line.assign(n, false);

  // A line is "in capitals" when most of its letter tokens are all caps.
  for (std::size_t b = 0; b < n;) {
    std::size_t e = b + 1;
    while (e < n && !tt.tokens[e].newline_before) ++e;
    int caps = 0, words = 0;
    for (std::size_t i = b; i < e; ++i) {
      const Shape s = tt.tokens[i].shape;
      if (s == Shape::AllCaps) ++caps;
      if (s == Shape::AllCaps || s == Shape::Capitalized || s == Shape::Lower || s == Shape::Mixed) ++words;
    }
    const bool capital = words >= 2 && caps * 4 >= words * 3;
    for (std::size_t i = b; i < e; ++i) caps_line[i] = capital;
    b = e;
  }

  for (std::uint32_t k = 0; k < matches.size(); ++k) {
    const auto& mt = matches[k];
    if (first_match[mt.token_begin] == kNone) first_match[mt.token_begin] = k;
    if (mt.token_end != mt.token_begin + 1) continue;
    const auto e = matcher.entry(mt);
    const std::size_t i = mt.token_begin;
    const Shape s = tt.tokens[i].shape;
    bool counts;
    if (e.cls == EntryClass::Word) {
      counts = true;  // common words are looked up case-insensitively
    } else if (e.cls == EntryClass::Title || e.cls == EntryClass::OrgHead) {
      counts = mt.exact_case || s == Shape::AllCaps || s == Shape::Capitalized;
    } else {
      counts = mt.exact_case || (s == Shape::AllCaps && caps_line[i]) || (mt.deaccented && s != Shape::Lower);
    }
    if (counts) token_classes[i] |= class_bit(e.cls);
  }
}

}  // namespace newsner::recognize
