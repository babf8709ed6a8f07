#include "newsner/recognize/name_shape.hpp"

#include "newsner/recognize/rule_support.hpp"

namespace newsner::recognize {

using gazetteer::EntryClass;
using text::Shape;

bool is_initial(const Context& ctx, std::size_t i) {
  const std::string_view s = ctx.surface(i);
  // Cheap rejects first: a capital, then nothing or a period.
  if (s.empty() || !(s[0] >= 'A' && s[0] <= 'Z') || (s.size() > 1 && s[1] != '.')) return false;
  if (!is_char(ctx, i + 1, '.') || ctx.token(i + 1).space_before) return false;
  if (s.size() == 1) return true;
  // "J.R.R": capitals separated by periods
  for (std::size_t k = 0; k < s.size(); ++k) {
    const bool want_letter = (k % 2 == 0);
    if (want_letter ? !(s[k] >= 'A' && s[k] <= 'Z') : s[k] != '.') return false;
  }
  return true;
}

bool is_generational_suffix(const Context& ctx, std::size_t i) {
  static constexpr std::string_view kSuffixes[] = {"jr", "sr", "ii", "iii", "iv", "2nd", "3rd", "4th"};
  static constexpr WordSet kSet(kSuffixes);
  return kSet.contains(ctx, i);
}

namespace {

// A month that is also a known given name, read as the given name: "April
// Ryan", "June Carter" (a capitalized known surname right after it, on its
// line), but not "in April Smith said" (a date word before it). Asked only of
// month and weekday tokens that would otherwise be no name word.
bool month_given_name(const Context& ctx, std::size_t i) {
  static constexpr std::string_view kDateWords[] = {
    "in", "since", "until", "till", "by", "from", "to", "through", "last", "next", "early", "late", "mid",
    "of", "on", "during", "before", "after", "this", "that", "each", "every", "around", "between"};
  static constexpr WordSet kBefore(kDateWords);
  const std::size_t k = i + 1;
  if (!ctx.strong(i, EntryClass::GivenName) || k >= ctx.size() || ctx.token(k).newline_before) return false;
  // Months only: "Sunday Mass" is a day. The surname must not read as an
  // organization ("September Nikkei" is the index's contract).
  if (ctx.folded(i).ends_with("day")) return false;
  if (ctx.token(k).shape != Shape::Capitalized || !ctx.has(k, EntryClass::Surname) || ctx.lex_is(k, kLexCalendar) ||
      ctx.has(k, EntryClass::Organization)) {
    return false;
  }
  return i == 0 || !kBefore.contains(ctx, i - 1);
}

// is_name_word() of token i from the token array and i's per-token bits: the
// NameShape constructor passes them from local pointers (its byte stores may
// alias ctx's vectors, which would be reloaded for every token otherwise).
inline bool name_word_of(const Context& ctx, const text::Token* tokens, std::size_t n, std::size_t i,
                         std::uint8_t caps_line, std::uint16_t lex, std::uint16_t classes, std::uint16_t strong) {
  const Shape s = tokens[i].shape;
  if (s != Shape::Capitalized && s != Shape::Mixed && s != Shape::AllCaps) return false;
  // Most capitalized words carry none of the bits tested below: one test
  // answers for them (outside capitals the tests below can only say no on
  // one of these bits).
  constexpr std::uint16_t kNoLex = kLexFunction | kLexTitleStart | kLexTitleAbbrev | kLexOrgHead | kLexCalendar;
  constexpr std::uint16_t kNoClasses =
      class_bit(EntryClass::Title) | class_bit(EntryClass::OrgHead) | class_bit(EntryClass::Demonym);
  if (s != Shape::AllCaps && !(lex & kNoLex) && !(classes & kNoClasses)) return true;
  const bool caps = s == Shape::AllCaps && caps_line;
  if (s == Shape::AllCaps && !caps) return false;
  const auto has = [&](EntryClass c) { return (classes & class_bit(c)) != 0; };
  const auto is_strong = [&](EntryClass c) { return (strong & class_bit(c)) != 0; };
  // "The", "In", "At": function words are never part of a name, whatever lists say.
  // "Second [Prime Minister] Hun Sen": the first word of a longer title is no name.
  if (lex & (kLexFunction | kLexTitleStart)) return false;
  const bool title = has(EntryClass::Title) || (lex & kLexTitleAbbrev);
  // "Frau Schäfer", "Major Tom": a title right before a capitalized word acts as the title.
  if (title && i + 1 < n && !tokens[i + 1].newline_before && tokens[i + 1].shape == Shape::Capitalized) {
    return false;
  }
  // A known given name or surname (Context::strong_name_part).
  const bool name_part = is_strong(EntryClass::GivenName) || is_strong(EntryClass::Surname);
  // "Mark Cook", "Dana Porter": an occupation word that the lists also know as
  // a surname is the surname right after a capitalized given name.
  const bool surname_after_given = title && has(EntryClass::Surname) && i > 0 && !tokens[i].newline_before &&
                                   tokens[i - 1].shape == Shape::Capitalized &&
                                   (ctx.token_classes[i - 1] & class_bit(EntryClass::GivenName)) != 0;
  // "Will", "Bill", "Major": a title or head word that is also a known name part
  if ((title || has(EntryClass::OrgHead) || (lex & kLexOrgHead)) && !name_part && !surname_after_given) return false;
  // "German", "Iraqi": a nationality word is not a name word.
  if (is_strong(EntryClass::Demonym) || (has(EntryClass::Demonym) && !name_part)) return false;
  // In a line of capitals ("CANADA BEAT PANAMA IN WORLD CUP") an ordinary word
  // is no name unless a list knows it as one without ambiguity.
  if (caps && has(EntryClass::Word) && !name_part && !is_strong(EntryClass::Person)) return false;
  // Month and weekday names are not names; "May", "Jan" (short) may be, and
  // "April" before a surname is.
  return !((lex & kLexCalendar) && tokens[i].fold_size > 3 && !month_given_name(ctx, i));
}

}  // namespace

bool is_name_word(const Context& ctx, std::size_t i) {
  return name_word_of(ctx, ctx.tt.tokens.data(), ctx.size(), i, ctx.caps_line[i], ctx.lex[i], ctx.token_classes[i],
                      ctx.strong_classes[i]);
}

namespace {

// scan_name() over any source of the is_name_word / is_initial answers.
// When `end3` is not null it receives scan_name(b, 3) as well (max_words >= 3):
// the scan with 3 words stops exactly where this one, at its loop test, has
// counted 3 words, so one scan gives both ends.
template <typename NameWord, typename Initial>
std::size_t scan_name_with(const Context& ctx, std::size_t b, std::size_t max_words, NameWord name_word,
                           Initial initial, std::size_t* end3 = nullptr) {
  std::size_t i = b, words = 0, end = b;
  const std::size_t n = ctx.size();
  bool have3 = false;
  while (i < n && words < max_words) {
    if (end3 != nullptr && words == 3 && !have3) {
      *end3 = end;
      have3 = true;
    }
    if (i > b && ctx.token(i).newline_before) break;
    if (initial(i)) {
      i += 2;  // "J" "."
      ++words;
      continue;  // an initial alone is not a name: `end` waits for a word
    }
    if (!name_word(i)) {
      const auto particle = [&](std::size_t k) {
        return ctx.token(k).shape == Shape::Lower && ctx.lex_is(k, kLexParticle);
      };
      if (i > b && particle(i)) {
        // One or two particles between capitals: "Ludwig van Beethoven", "Osama
        // bin Laden", "Joost van der Kolk", "Ana de la Cruz" (not "st" in
        // lowercase: a scorecard's "stumped", "Kessler st Perwela"; a saint's
        // "St" is capitalized).
        if (!folded_is(ctx, i, "st")) {
          if (i + 1 < n && !ctx.token(i + 1).newline_before && name_word(i + 1)) {
            ++i;
            continue;
          }
          if (i + 2 < n && particle(i + 1) && !ctx.token(i + 1).newline_before &&
              !ctx.token(i + 2).newline_before && name_word(i + 2) && !folded_is(ctx, i + 1, "st")) {
            i += 2;
            continue;
          }
        }
        // "al-Assad", "bin-Laden": a particle joined by a hyphen
        if (i + 2 < n && is_char(ctx, i + 1, '-') && !ctx.token(i + 1).space_before && name_word(i + 2)) {
          i += 2;
          continue;
        }
      }
      // Portuguese "do" after a given name and a surname: "André Corrêa do
      // Lago". (No particle elsewhere: an English verb.)
      if (words >= 2 && i + 1 < n && folded_is(ctx, i, "do") && ctx.token(i).shape == Shape::Lower &&
          !ctx.token(i + 1).newline_before && name_word(i + 1)) {
        ++i;
        continue;
      }
      break;
    }
    ++i;
    ++words;
    end = i;
    // Hyphen or apostrophe joins: "Jean-Michel", "O'Brien" (no spaces around).
    while (i + 1 < n && (is_char(ctx, i, '-') || is_char(ctx, i, '\'')) && !ctx.token(i).space_before &&
           !ctx.token(i + 1).space_before &&
           (name_word(i + 1) || (ctx.token(i + 1).shape == Shape::Lower && ctx.lex_is(i + 1, kLexParticle)))) {
      i += 2;
      end = i;
    }
  }
  if (end3 != nullptr && !have3) *end3 = end;
  return end;
}

}  // namespace

std::size_t scan_name(const Context& ctx, std::size_t b, std::size_t max_words) {
  return scan_name_with(
      ctx, b, max_words, [&](std::size_t i) { return is_name_word(ctx, i); },
      [&](std::size_t i) { return is_initial(ctx, i); });
}

NameShape::NameShape(const Context& ctx) : NameShape(ctx, own_, own_starts_) {}

NameShape::NameShape(const Context& ctx, std::vector<std::uint8_t>& storage, TokenList& starts)
    : ctx_(ctx), starts_(starts) {
  storage.assign(ctx.size(), 0);  // (no allocation once the buffer is as large)
  TokenList::Appender start = starts.start(ctx.cap_tokens.size() + 1);
  // Token array and text in locals: the byte stores below may alias anything,
  // so members read through `ctx` would be reloaded on every token.
  const text::Token* const tokens = ctx.tt.tokens.data();
  const char* const text = ctx.tt.text.data();
  const std::uint8_t* const caps_line = ctx.caps_line.data();
  const std::uint16_t* const lex = ctx.lex.data();
  const std::uint16_t* const classes = ctx.token_classes.data();
  const std::uint16_t* const strong = ctx.strong_classes.data();
  std::uint8_t* const bits = storage.data();
  bits_ = bits;
  const std::size_t n = ctx.size();
  // Name words are capitalized, mixed or in capitals, and initials ("J",
  // "J.R.R": capitals and periods) are in capitals: only Context::cap_tokens
  // (a quarter of news tokens) can have bits; all others keep their 0.
  for (const std::uint32_t i : ctx.cap_tokens) {
    const text::Token& t = tokens[i];
    if (t.shape == Shape::Alnum) continue;  // in cap_tokens for the organization rules
    std::uint8_t b = name_word_of(ctx, tokens, n, i, caps_line[i], lex[i], classes[i], strong[i]) ? kNameWord : 0;
    // An initial is one capital, or a capital and a period ("J.R.R"): most
    // words in capitals fail on their second byte before is_initial's tests.
    const std::size_t size = t.span.size();
    if (t.shape == Shape::AllCaps && (size == 1 || text[t.span.begin + 1] == '.') && is_initial(ctx, i)) {
      b |= kInitial;
    }
    bits[i] = b;
    start.push_if(b != 0, i);  // (branch-free: b depends on the text)
  }
  start.push_if(true, static_cast<std::uint32_t>(n));
  starts.finish(start);
}

std::size_t NameShape::scan_name(std::size_t b, std::size_t max_words) const {
  return scan_name_with(
      ctx_, b, max_words, [&](std::size_t i) { return name_word(i); }, [&](std::size_t i) { return initial(i); });
}

std::size_t NameShape::scan_name_4_3(std::size_t b, std::size_t& end3) const {
  return scan_name_with(
      ctx_, b, 4, [&](std::size_t i) { return name_word(i); }, [&](std::size_t i) { return initial(i); }, &end3);
}

}  // namespace newsner::recognize
