#include "newsner/recognize/person.hpp"

#include "newsner/recognize/name_shape.hpp"

namespace newsner::recognize {

using gazetteer::EntryClass;
using text::Shape;

namespace {

// Words that end a street, building or venue name ("Grace Road", "Carnegie Hall").
bool is_place_head(std::string_view f) {
  return f == "road" || f == "street" || f == "avenue" || f == "park" || f == "square" || f == "bridge" ||
         f == "hall" || f == "house" || f == "centre" || f == "center" || f == "stadium" || f == "field" ||
         f == "gardens" || f == "lane" || f == "way" || f == "place" || f == "island" || f == "river" ||
         f == "lake" || f == "valley" || f == "hill" || f == "airport" || f == "station" || f == "prison" ||
         f == "hotel" || f == "palace" || f == "castle" || f == "tower" || f == "arena" || f == "oval";
}

void emit(const Context& ctx, std::size_t b, std::size_t e, float score, std::string_view rule,
          std::vector<Candidate>& out) {
  emit_candidate(ctx, EntityType::Person, b, e, score, rule, out);
}

// The longest TITLE match starting at token i, or i when none. Abbreviated
// ranks and honorifics ("PM", "Sgt", "Insp") count as titles too.
std::size_t one_title_end(const Context& ctx, std::size_t i) {
  std::size_t end = i;
  if (ctx.lex_is(i, kLexTitleAbbrev) && ctx.is_cap(i)) end = i + 1;
  ctx.for_matches_at(i, [&](const gazetteer::Match& m) {
    if (m.token_end > end && m.cls == EntryClass::Title &&
        (m.exact_case || ctx.token(i).shape == Shape::Capitalized || ctx.caps_line[i])) {
      end = m.token_end;
    }
  });
  if (ctx.token(i).shape != Shape::Capitalized) return end;
  // A plural title before several names: "Deputy Foreign Ministers Igor Morgulov
  // and Takeo Mori". Only a capitalized word ending in "s" needs the extra lookups,
  // so most tokens leave here without building a key.
  bool plural_ahead = false;
  for (std::size_t j = i; j < ctx.size() && j < i + 4 && ctx.token(j).shape == Shape::Capitalized; ++j) {
    const std::string_view f = ctx.folded(j);
    if (f.size() > 3 && f.back() == 's') plural_ahead = true;
  }
  if (!plural_ahead) return end;
  std::string key;
  std::vector<gazetteer::Match> hits;
  for (std::size_t j = i; j < ctx.size() && j < i + 4 && ctx.token(j).shape == Shape::Capitalized; ++j) {
    if (j > i && ctx.token(j).newline_before) break;
    const std::string_view f = ctx.folded(j);
    if (f.size() > 3 && f.back() == 's') {
      std::string singular = key;
      if (j > i) singular.push_back(' ');
      if (f.ends_with("ies")) singular.append(f.substr(0, f.size() - 3)).append("y");
      else singular.append(f.substr(0, f.size() - 1));
      hits.clear();
      ctx.matcher.lookup(singular, hits);
      for (const auto& h : hits) {
        if (h.cls == EntryClass::Title) end = std::max(end, j + 1);
      }
    }
    if (j > i) key.push_back(' ');
    key.append(f);
  }
  return end;
}

// Titles in a row count as one: "Deputy Foreign Minister", "Chief Justice".
std::size_t title_end(const Context& ctx, std::size_t i) {
  std::size_t end = i;
  for (std::size_t next; end < ctx.size() && (next = one_title_end(ctx, end)) > end;) {
    if (end > i && ctx.token(end).newline_before) break;
    end = next;
  }
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

// A single capitalized token that may be a surname standing alone: not a common
// word (unless a list knows it as a surname), not a country or organization.
bool lone_name_word(const Context& ctx, std::size_t i) {
  if (!is_name_word(ctx, i) || ctx.country[i] || ctx.has(i, EntryClass::Organization)) return false;
  if (ctx.token(i).shape == Shape::AllCaps) return false;
  if (is_plain_word(ctx, i)) return false;
  if (ctx.is_common_word(i) && !ctx.strong(i, EntryClass::Surname)) return false;
  return true;
}

}  // namespace

void recognize_persons(const Context& ctx, std::vector<Candidate>& out) {
  const std::size_t n = ctx.size();
  for (std::size_t i = 0; i < n; ++i) {
    // person.title: "President Vladimir Putin", "Mr. Johnson", "Sgt Pepper"
    // (a title inside a longer one, "Minister" in "Foreign Minister", is not a new start)
    if (std::size_t t = title_end(ctx, i); t > i && !(i > 0 && title_end(ctx, i - 1) > i)) {
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
      // "Christian Democrats" is a party, not a person named Democrats.
      if (e >= i + 2 && is_name_word(ctx, e - 1) && !ctx.has(e - 1, EntryClass::Demonym) &&
          !ctx.lex_is(e - 1, kLexGroup)) {
        // "Will Smith" is a name; "Will Power" at a sentence start may not be.
        const bool weak = ctx.token(i).sentence_start && is_plain_word(ctx, i);
        // A strong given name vouches for an unlisted surname that is also a
        // word ("Emmanuel Macron"), unless it reads as a street or building.
        // In a hyphenated surname one known part is enough ("Maberry-Tusk").
        const bool hyphen_part = e >= i + 4 && ctx.is(e - 2, "-") &&
                                 (ctx.has(e - 3, EntryClass::Surname) || !ctx.is_common_word(e - 3));
        const bool surname = ctx.has(e - 1, EntryClass::Surname) || !ctx.is_common_word(e - 1) || hyphen_part ||
                             (ctx.strong(i, EntryClass::GivenName) && !ctx.is_org_head(e - 1) &&
                              !is_place_head(ctx.folded(e - 1)) && !ctx.has(e - 1, EntryClass::Location));
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
        const bool verb_after = e < n && ctx.lex_is(e, kLexSpeech);
        const bool verb_before = i > 0 && ctx.lex_is(i - 1, kLexSpeech);
        const bool age = e + 2 < n && ctx.is(e, ",") && ctx.token(e + 1).shape == Shape::Digits &&
                         ctx.surface(e + 1).size() <= 2 && ctx.is(e + 2, ",");
        if (all_unknown && (verb_after || verb_before || age)) emit(ctx, i, e, 0.55f, "person.context", out);
      }
    }
    // person.speech: one name word next to a verb of saying ("Tsang said",
    // "said Puig", "Duran told reporters"); a country stays a place ("Croatia said").
    if (lone_name_word(ctx, i) && (i == 0 || !is_name_word(ctx, i - 1)) &&
        (i + 1 >= n || !is_name_word(ctx, i + 1))) {
      std::size_t after = i + 1;
      if (after < n && ctx.is(after, "'s")) after = n;  // "Duran's first fight" is no speech
      const bool verb_after = after < n && ctx.lex_is(after, kLexSpeech);
      const bool verb_before = i > 0 && ctx.folded(i - 1) == "said" && (i + 1 >= n || ctx.token(i + 1).shape == Shape::Punct);
      if (verb_after || verb_before) {
        const bool place = ctx.has(i, EntryClass::Location);
        emit(ctx, i, i + 1, place ? 0.5f : 0.75f, "person.speech", out);
      }
    }
    // person.country_paren: "Juergen Schult (Germany)", results lists and bylines.
    if (is_name_word(ctx, i) && (i == 0 || !is_name_word(ctx, i - 1)) && !ctx.country[i]) {
      const std::size_t e = scan_name(ctx, i, 4);
      if (e >= i + 2 && e + 2 < n && ctx.is(e, "(")) {
        std::size_t k = e + 1, close = k;
        while (close < n && close < k + 4 && !ctx.is(close, ")")) ++close;
        bool plain = true;
        for (std::size_t j = i; j < e; ++j) {
          if (ctx.is_org_head(j) || ctx.lex_is(j, kLexTeamWord)) plain = false;
        }
        if (plain && close < n && ctx.is(close, ")") && ctx.is_country_span(k, close)) {
          emit(ctx, i, e, 0.6f, "person.country_paren", out);
        }
      }
    }
    // person.given_alone: a well-known given name on its own, mid-sentence
    // ("about Alice"): strong list evidence and no other reading.
    if (ctx.strong(i, EntryClass::GivenName) && ctx.token(i).shape == Shape::Capitalized &&
        !ctx.token(i).sentence_start && !ctx.caps_line[i] && is_name_word(ctx, i) && !ctx.is_common_word(i) &&
        !ctx.lex_is(i, kLexGroup) &&  // "a devout Christian", "Muslim leaders"
        !ctx.country[i] && !ctx.has(i, EntryClass::Organization) &&
        !(ctx.has(i, EntryClass::Location) && i > 0 && (ctx.lex_is(i - 1, kLexLocative) || ctx.folded(i - 1) == "of")) &&
        (i == 0 || !ctx.is_cap(i - 1)) && (i + 1 >= n || !ctx.is_cap(i + 1) || ctx.token(i + 1).newline_before)) {
      emit(ctx, i, i + 1, 0.4f, "person.given_alone", out);
    }
  }
}

}  // namespace newsner::recognize
