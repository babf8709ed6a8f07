#include "newsner/recognize/location.hpp"

#include <array>

#include "newsner/recognize/name_shape.hpp"
#include "newsner/recognize/organization.hpp"

namespace newsner::recognize {

using gazetteer::EntryClass;
using text::Shape;

namespace {

// Heads that follow a name: "Kuril Islands", "Red Sea".
bool is_feature_suffix(std::string_view f) {
  static constexpr std::array<std::string_view, 22> k = {
      "island", "islands", "river", "sea", "ocean", "lake", "mountains", "mountain", "valley", "bay",
      "strait", "peninsula", "desert", "gulf", "coast", "canal", "hills", "plateau", "basin", "province",
      "county", "region"};
  for (auto w : k) if (w == f) return true;
  return false;
}

// Heads that precede a name: "Mount Fuji", "Lake Baikal", "Gulf of Mexico".
bool is_feature_prefix(std::string_view f) {
  return f == "mount" || f == "lake" || f == "gulf" || f == "cape" || f == "isle" || f == "bay" ||
         f == "sea" || f == "strait" || f == "port" || f == "fort";
}

bool place_word(const Context& ctx, std::size_t i) {
  return (ctx.token(i).shape == Shape::Capitalized || (ctx.token(i).shape == Shape::AllCaps && ctx.caps_line[i])) &&
         !is_function_word(ctx.folded(i)) && !ctx.has(i, EntryClass::Title);
}

void emit(const Context& ctx, std::size_t b, std::size_t e, float score, std::string_view rule,
          std::vector<Candidate>& out) {
  Candidate c;
  c.type = EntityType::Location;
  c.span = ctx.span(b, e);
  c.score = score;
  c.evidence = rule;
  out.push_back(std::move(c));
}

}  // namespace

void recognize_locations(const Context& ctx, std::vector<Candidate>& out) {
  const std::size_t n = ctx.size();
  for (std::size_t i = 0; i < n; ++i) {
    // loc.feature: "Southern Kuril Islands"
    if (place_word(ctx, i) && is_feature_suffix(ctx.folded(i)) && i > 0 && !ctx.token(i).newline_before) {
      std::size_t b = i;
      while (b > 0 && !ctx.token(b).newline_before && place_word(ctx, b - 1) && i - b < 4) --b;
      if (b < i) emit(ctx, b, i + 1, 0.6f, "loc.feature", out);
    }
    if (place_word(ctx, i) && is_feature_prefix(ctx.folded(i)) && i + 1 < n && !ctx.token(i + 1).newline_before) {
      std::size_t j = i + 1;
      if (j + 1 < n && ctx.folded(j) == "of" && place_word(ctx, j + 1)) ++j;
      std::size_t e = j;
      while (e < n && !ctx.token(e).newline_before && place_word(ctx, e) && e - j < 3) ++e;
      if (e > j) emit(ctx, i, e, 0.6f, "loc.feature", out);
    }
    // loc.context: "in Leeds, England" — an unknown capitalized word between a
    // locative preposition and ", <known place>".
    if (i > 0 && place_word(ctx, i) && !ctx.token(i).sentence_start && !ctx.is_common_word(i)) {
      const std::string_view prev = ctx.folded(i - 1);
      if (prev == "in" || prev == "near" || prev == "from" || prev == "at" || prev == "outside") {
        std::size_t e = i + 1;
        while (e < n && !ctx.token(e).newline_before && place_word(ctx, e) && e - i < 3) ++e;
        if (e + 1 < n && ctx.is(e, ",") && ctx.has(e + 1, EntryClass::Location)) emit(ctx, i, e, 0.5f, "loc.context", out);
      }
    }
  }
}

}  // namespace newsner::recognize
