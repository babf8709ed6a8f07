#include "newsner/recognize/person.hpp"

#include "newsner/recognize/name_shape.hpp"

namespace newsner::recognize {

using gazetteer::EntryClass;
using text::Shape;

bool is_speech_verb(std::string_view f) {
  return f == "said" || f == "says" || f == "told" || f == "added" || f == "asked" || f == "wrote" ||
         f == "stated" || f == "explained" || f == "noted" || f == "replied" || f == "insisted" ||
         f == "argued" || f == "warned" || f == "announced" || f == "confirmed" || f == "admitted" ||
         f == "declared" || f == "claimed" || f == "tells" || f == "adds" || f == "believes" ||
         f == "thinks" || f == "urged" || f == "recalled";
}

namespace {

void emit(const Context& ctx, std::size_t b, std::size_t e, float score, std::string_view rule,
          std::vector<Candidate>& out) {
  Candidate c;
  c.type = EntityType::Person;
  c.span = ctx.span(b, e);
  c.score = score;
  c.evidence = rule;
  out.push_back(std::move(c));
}

// The longest TITLE match starting at token i, or i when none.
std::size_t title_end(const Context& ctx, std::size_t i) {
  std::size_t end = i;
  ctx.for_matches_at(i, [&](const gazetteer::Match& m) {
    if (end == i && ctx.matcher.entry(m).cls == EntryClass::Title) end = m.token_end;
  });
  return end;
}

// A capitalized word that carries no sign of being a name: not a known given
// name or surname, and a common English word in lowercase ("Party", "Trade").
bool is_plain_word(const Context& ctx, std::size_t i) {
  return ctx.is_common_word(i) && !ctx.has(i, EntryClass::GivenName) && !ctx.has(i, EntryClass::Surname);
}

bool unknown_cap_word(const Context& ctx, std::size_t i) {
  return is_name_word(ctx, i) && !is_plain_word(ctx, i) && !ctx.has(i, EntryClass::Location) &&
         !ctx.has(i, EntryClass::Organization) && !ctx.has(i, EntryClass::Demonym);
}

}  // namespace

void recognize_persons(const Context& ctx, std::vector<Candidate>& out) {
  const std::size_t n = ctx.size();
  for (std::size_t i = 0; i < n; ++i) {
    // person.title: "President Vladimir Putin", "Mr. Johnson", "Sgt Pepper"
    if (std::size_t t = title_end(ctx, i); t > i) {
      std::size_t j = t;
      if (j < n && ctx.is(j, ".") && !ctx.token(j).space_before) ++j;  // "Mr." "Dr."
      if (j < n && !ctx.token(j).newline_before && is_name_word(ctx, j)) {
        const std::size_t e = scan_name(ctx, j, 4);
        // A title before a place or organization name is a description
        // ("Prime Minister of Japan", "President Obama" is fine).
        if (e > j && !(e == j + 1 && (ctx.has(j, EntryClass::Location) || ctx.has(j, EntryClass::Demonym)) &&
                       !ctx.has(j, EntryClass::Surname))) {
          emit(ctx, j, e, 0.9f, "person.title", out);
        }
      }
    }
    // person.initials: "J.R.R. Tolkien", "H. G. Wells"
    if (is_initial(ctx, i) && (i == 0 || !is_initial(ctx, i - 1)) && (i < 2 || !is_initial(ctx, i - 2))) {
      const std::size_t e = scan_name(ctx, i, 4);
      if (e > i + 2) emit(ctx, i, e, 0.75f, "person.initials", out);
    }
    // person.given: a known given name + capitalized surname
    if (ctx.has(i, EntryClass::GivenName) && is_name_word(ctx, i) && i + 1 < n &&
        !ctx.token(i + 1).newline_before) {
      const std::size_t e = scan_name(ctx, i, 4);
      if (e >= i + 2 && is_name_word(ctx, e - 1) && !ctx.has(e - 1, EntryClass::Demonym)) {
        // "Will Smith" is a name; "Will Power" at a sentence start may not be.
        const bool weak = ctx.token(i).sentence_start && is_plain_word(ctx, i);
        const bool surname = ctx.has(e - 1, EntryClass::Surname) || !ctx.is_common_word(e - 1);
        if (!weak && surname) emit(ctx, i, e, 0.65f, "person.given", out);
      }
    }
    // person.context: "<Name Name> said", "said <Name Name>", "<Name Name>, 45,"
    if (unknown_cap_word(ctx, i) && (i == 0 || !is_name_word(ctx, i - 1))) {
      const std::size_t e = scan_name(ctx, i, 3);
      if (e >= i + 2) {
        bool all_unknown = true;
        for (std::size_t k = i; k < e; ++k) {
          if (ctx.token(k).shape != Shape::Lower && ctx.token(k).shape != Shape::Punct && !unknown_cap_word(ctx, k) &&
              !ctx.has(k, EntryClass::GivenName) && !ctx.has(k, EntryClass::Surname)) {
            all_unknown = false;
          }
        }
        const bool verb_after = e < n && is_speech_verb(ctx.folded(e));
        const bool verb_before = i > 0 && is_speech_verb(ctx.folded(i - 1));
        const bool age = e + 2 < n && ctx.is(e, ",") && ctx.token(e + 1).shape == Shape::Digits &&
                         ctx.surface(e + 1).size() <= 2 && ctx.is(e + 2, ",");
        if (all_unknown && (verb_after || verb_before || age)) emit(ctx, i, e, 0.55f, "person.context", out);
      }
    }
  }
}

}  // namespace newsner::recognize
