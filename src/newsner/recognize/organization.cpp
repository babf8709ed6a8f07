#include "newsner/recognize/organization.hpp"

#include <array>

#include "newsner/recognize/name_shape.hpp"

namespace newsner::recognize {

using gazetteer::EntryClass;
using text::Shape;

bool is_function_word(std::string_view f) {
  static constexpr std::array<std::string_view, 48> kWords = {
      "the", "a", "an", "in", "on", "at", "for", "from", "to", "of", "by", "with", "and", "or", "but",
      "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your", "as", "after",
      "before", "when", "while", "if", "since", "under", "over", "new", "former", "both", "all", "some",
      "many", "most", "no", "not", "he", "she", "it", "they"};
  for (auto w : kWords) {
    if (w == f) return true;
  }
  return false;
}

namespace {

bool is_org_word(const Context& ctx, std::size_t i) {
  const Shape s = ctx.token(i).shape;
  if (s != Shape::Capitalized && s != Shape::AllCaps && s != Shape::Mixed && s != Shape::Alnum) return false;
  return !is_function_word(ctx.folded(i));
}

void emit(const Context& ctx, std::size_t b, std::size_t e, float score, std::string_view rule,
          std::vector<Candidate>& out) {
  Candidate c;
  c.type = EntityType::Organization;
  c.span = ctx.span(b, e);
  c.score = score;
  c.evidence = rule;
  out.push_back(std::move(c));
}

// Extends [b, e) to the right over "of" (+ "the") + capitalized words and
// further heads: "Ministry of Foreign Affairs", "Bank of Japan".
std::size_t extend_of(const Context& ctx, std::size_t e) {
  const std::size_t n = ctx.size();
  std::size_t j = e;
  if (j + 1 < n && ctx.folded(j) == "of" && !ctx.token(j).newline_before) {
    std::size_t k = j + 1;
    if (k < n && ctx.folded(k) == "the" && ctx.token(k).shape == Shape::Lower) ++k;
    std::size_t end = k;
    while (end < n && !ctx.token(end).newline_before && is_org_word(ctx, end) && end - k < 5) {
      ++end;
      // "Health and Human Services", "Trade and Industry"
      if (end + 1 < n && (ctx.folded(end) == "and" || ctx.is(end, "&")) && is_org_word(ctx, end + 1)) end += 1;
    }
    if (end > k && is_org_word(ctx, end - 1)) return end;
  }
  return e;
}

}  // namespace

void recognize_organizations(const Context& ctx, std::vector<Candidate>& out) {
  const std::size_t n = ctx.size();
  for (std::size_t h = 0; h < n; ++h) {
    if (!ctx.has(h, EntryClass::OrgHead) || !is_org_word(ctx, h)) continue;
    // Take the last head of a run of heads ("Press Club", "Investment Bank").
    if (h + 1 < n && !ctx.token(h + 1).newline_before && ctx.has(h + 1, EntryClass::OrgHead) &&
        is_org_word(ctx, h + 1)) {
      continue;
    }
    // Suffixes attach to a preceding name: "Toyota Motor Corp." keeps its period.
    std::size_t e = h + 1;
    if (e < n && ctx.is(e, ".") && !ctx.token(e).space_before && ctx.surface(h).size() <= 4 &&
        (e + 1 >= n || ctx.token(e + 1).shape == Shape::Lower || ctx.token(e + 1).shape == Shape::Punct)) {
      ++e;
    }
    // Walk left over capitalized modifiers, hyphen joins and "&".
    std::size_t b = h;
    while (b > 0 && !ctx.token(b).newline_before) {
      const std::size_t p = b - 1;
      if (is_org_word(ctx, p)) {
        if (ctx.has(p, EntryClass::Title) && !ctx.has(p, EntryClass::OrgHead) && !ctx.has(p, EntryClass::Demonym) &&
            !ctx.has(p, EntryClass::Location)) {
          break;  // "President Club"? a title word ends the name to the left
        }
        b = p;
        continue;
      }
      if ((ctx.is(p, "&") || ctx.is(p, "-")) && p > 0 && is_org_word(ctx, p - 1) && !ctx.token(p).newline_before) {
        b = p - 1;
        continue;
      }
      break;
    }
    // "the" / sentence-start function words never begin the name.
    const std::size_t e_of = extend_of(ctx, e);
    if (b == h && e_of == e) continue;  // a bare head ("Ministry") is not a name
    // A first word that only capitalizes the sentence ("Officials Club"?) is weak.
    if (b < h && ctx.token(b).sentence_start && ctx.is_common_word(b) && !ctx.has(b, EntryClass::Demonym) &&
        !ctx.has(b, EntryClass::Location) && b + 1 < h) {
      ++b;
    }
    emit(ctx, b, e_of, e_of > e ? 0.75f : 0.7f, e_of > e ? "org.head_of" : "org.head", out);
  }
}

}  // namespace newsner::recognize
