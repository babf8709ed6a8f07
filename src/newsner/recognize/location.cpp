#include "newsner/recognize/location.hpp"

#include "newsner/recognize/name_shape.hpp"
#include "newsner/recognize/organization.hpp"
#include "newsner/recognize/rule_support.hpp"

namespace newsner::recognize {

using gazetteer::EntryClass;
using text::Shape;

namespace {

bool is_feature_suffix(const Context& ctx, std::size_t i) {
  static constexpr WordSet kSet(kFeatureSuffixes);
  return kSet.contains(ctx, i);
}

// place_word() from the token's shape and per-token bits (the rule loop has them at hand).
bool place_word_bits(Shape shape, std::uint8_t caps_line, std::uint16_t lex, std::uint16_t classes) {
  return (shape == Shape::Capitalized || (shape == Shape::AllCaps && caps_line)) &&
         !(lex & (kLexFunction | kLexWeakStart)) && !(classes & class_bit(EntryClass::Title));
}

// "town", "village", ...: a lowercase noun before "of" and a settlement's name.
bool is_settlement_noun(const Context& ctx, std::size_t i) {
  static constexpr std::string_view kWords[] = {"town",     "village", "city",   "hamlet", "suburb",
                                                "township", "port",    "district", "province"};
  static constexpr WordSet kSet(kWords);
  return kSet.contains(ctx, i);
}

// "airport", "stadium", ...: a lowercase noun after a place's name (all in
// kFeatureSuffixes or kPlaceNouns: loc.place_noun tests their kLexFeature bit
// first).
bool is_place_noun(const Context& ctx, std::size_t i) {
  static constexpr std::string_view kWords[] = {"airport", "stadium", "prison", "village",
                                                "county",  "province", "region", "valley"};
  static constexpr WordSet kSet(concat(kWords, kPlaceNouns));
  return kSet.contains(ctx, i);
}

bool place_word(const Context& ctx, std::size_t i) {
  return place_word_bits(ctx.token(i).shape, ctx.caps_line[i], ctx.lex[i], ctx.token_classes[i]);
}

void emit(const Context& ctx, std::size_t b, std::size_t e, float score, std::string_view rule,
          std::vector<Candidate>& out) {
  emit_candidate(ctx, EntityType::Location, b, e, score, rule, out);
}

// In a line of capitals every word is a place word: a common word there that
// no place list has ("VISITED KLODZKO VALLEY") is the headline's, and ends a
// feature's name to the left.
bool headline_word(const Context& ctx, std::size_t i) {
  return ctx.caps_line[i] && ctx.is_common_word(i) && !ctx.has(i, EntryClass::Location);
}

// Token k, a faith or nationality word, before the name word b of a feature's
// name ("the Catholic Tarvo Road", "the Norwegian Belmek Islands") says whose
// the place is and is no part of its name; right before the head it is one
// ("Irish Sea"), and so before a feature word of its own ("Indian River County").
bool modifies_name(const Context& ctx, std::size_t k, std::size_t b) {
  return (ctx.lex_is(k, kLexGroup) || ctx.has(k, EntryClass::Demonym)) && !ctx.lex_is(b, kLexFeature);
}

// Word k, right before a street's head h, that place_word() refuses and that
// names streets all the same: a job title ("Archer Road", "Mason Street",
// "Metropolitan Parkway") or an ordinal number ("Northwest 13th Street", "5th Avenue").
bool street_name_word(const Context& ctx, std::size_t k, std::size_t h) {
  static constexpr std::string_view kWords[] = {"road", "street", "avenue", "boulevard", "parkway"};
  static constexpr WordSet kStreet(kWords);
  if (!kStreet.contains(ctx, h)) return false;
  if (ctx.token(k).shape == Shape::Alnum) return is_digit_ordinal(ctx, k);
  return ctx.token(k).shape == Shape::Capitalized && ctx.has(k, EntryClass::Title) &&
         !ctx.lex_is(k, kLexFunction | kLexTitleAbbrev);
}

// Word k, right before a venue's head h, an acronym in a line of prose: a
// sponsor's name that names the venue ("the KTB Stadium", "the RVX Arena").
bool sponsor_acronym(const Context& ctx, std::size_t k, std::size_t h) {
  static constexpr std::string_view kWords[] = {"stadium", "arena"};
  static constexpr WordSet kVenue(kWords);
  return ctx.token(k).shape == Shape::AllCaps && !ctx.caps_line[k] && ctx.token(h).shape == Shape::Capitalized &&
         kVenue.contains(ctx, h);
}

// The end of one or two capitalized words from b that no list has, as a place,
// a name or a word ("Tarvania", "Kelvo Tarsa"), with no capitalized word after
// them (a longer name goes on there); b when none.
std::size_t unknown_name_end(const Context& ctx, std::size_t b) {
  std::size_t e = b;
  while (e < ctx.size() && e - b < 2 && ctx.token(e).shape == Shape::Capitalized && !ctx.token(e).newline_before &&
         ctx.token_classes[e] == 0 && ctx.lex[e] == 0) {
    ++e;
  }
  return e < ctx.size() && !ctx.token(e).newline_before && cap_shape(ctx, e) ? b : e;
}

// A dateline date right after the place: "1996-08-30", "05/06/2018",
// "December 19", "19 December", "Dec. 19".
bool dateline_date_at(const Context& ctx, std::size_t i) {
  const std::size_t n = ctx.size();
  if (i >= n) return false;
  if (ctx.token(i).shape == Shape::Digits && ctx.surface(i).size() == 4 && i + 2 < n && is_char(ctx, i + 1, '-') &&
      ctx.token(i + 2).shape == Shape::Digits) {
    return true;
  }
  // "05/06/2018", "5/6/18": a numeric date in slashes (either day order).
  if (ctx.token(i).shape == Shape::Digits && ctx.surface(i).size() <= 2 && i + 4 < n && is_char(ctx, i + 1, '/') &&
      ctx.token(i + 2).shape == Shape::Digits && ctx.surface(i + 2).size() <= 2 && is_char(ctx, i + 3, '/') &&
      ctx.token(i + 4).shape == Shape::Digits &&
      (ctx.surface(i + 4).size() == 2 || ctx.surface(i + 4).size() == 4)) {
    return true;
  }
  if (ctx.lex_is(i, kLexCalendar) && ctx.is_cap(i)) {
    std::size_t j = i + 1;
    if (j < n && is_char(ctx, j, '.')) ++j;
    return j < n && ctx.token(j).shape == Shape::Digits && ctx.surface(j).size() <= 2;
  }
  if (ctx.token(i).shape == Shape::Digits && ctx.surface(i).size() <= 2 && i + 1 < n && ctx.lex_is(i + 1, kLexCalendar)) {
    return true;
  }
  return false;
}

// One dateline place chunk: capitalized or capital words ("ST. LOUIS", "AL-AIN",
// "Rio de Janeiro"). Returns its end, or b.
std::size_t place_chunk(const Context& ctx, std::size_t b, std::size_t limit) {
  std::size_t i = b, end = b;
  while (i < limit && i - b < 6) {
    const Shape s = ctx.token(i).shape;
    if ((s == Shape::AllCaps || s == Shape::Capitalized) && !ctx.lex_is(i, kLexCalendar)) {
      ++i;
      end = i;
    } else if (i > b && (is_char(ctx, i, '-') || is_char(ctx, i, '.') || is_char(ctx, i, '\'')) &&
               !ctx.token(i).space_before) {
      if (is_char(ctx, i, '.')) end = i + 1;
      ++i;
    } else if (i > b && s == Shape::Lower && ctx.lex_is(i, kLexParticle)) {
      ++i;
    } else {
      break;
    }
  }
  return end;
}

// The end of the longest LOCATION entry at token b in its own capitalization,
// not ambiguous, or b when none.
std::size_t known_place_end(const Context& ctx, std::size_t b) {
  std::size_t e = b;
  ctx.for_matches_at(b, [&](const gazetteer::Match& m) {
    if (m.cls == EntryClass::Location && m.exact_case && !(m.flags & gazetteer::kAmbiguous) && m.token_end > e) {
      e = m.token_end;
    }
  });
  return e;
}

// Tokens [b, e) match a LOCATION entry in any case ("WASHINGTON").
bool known_place(const Context& ctx, std::size_t b, std::size_t e) {
  bool found = false;
  ctx.for_matches_at(b, [&](const gazetteer::Match& m) {
    found = found || (m.token_end == e && m.cls == EntryClass::Location && !(m.flags & gazetteer::kAmbiguous));
  });
  return found;
}

// Tokens [b, e) name a city of a million people or more, though its name is
// also a word ("PHOENIX (AP) -"): in a dateline, the city.
bool big_city(const Context& ctx, std::size_t b, std::size_t e) {
  return ctx.find_match_at(b, [&](const gazetteer::Match& m) {
    return m.token_end == e && m.cls == EntryClass::Location && ctx.matcher.entry(m).population >= 1000000;
  }) != nullptr;
}

// Token i starts a US state's abbreviated name ending in a period ("Calif.",
// "Tenn.", "N.J."): a subdivision entry with a US kb_id whose last token is ".".
bool us_state_abbreviation_at(const Context& ctx, std::size_t i) {
  bool found = false;
  ctx.for_matches_at(i, [&](const gazetteer::Match& m) {
    if (found || m.cls != EntryClass::Location || !is_char(ctx, m.token_end - 1, '.')) return;
    const std::string_view kb = ctx.matcher.gazetteers()[m.gazetteer].entry(m.entry).kb_id;
    found = kb.starts_with("iso3166-2:US-");
  });
  return found;
}

// A word of an agency credit: "AP", "Reuters", "dpa", "eNCA", "G7".
bool credit_word(Shape s) { return s != Shape::Punct && s != Shape::Symbol && s != Shape::Digits; }

// A dash at token d (after an optional agency credit "(AP)", "(Reuters)", "(dpa)",
// "(EPA-EFE)", "(Thomson Reuters Foundation)": up to three words, joined by
// attached hyphens or slashes), before line end le.
bool dash_after(const Context& ctx, std::size_t d, std::size_t le) {
  if (d + 2 < le && is_char(ctx, d, '(') && credit_word(ctx.token(d + 1).shape)) {
    std::size_t k = d + 2, words = 1;
    while (k + 1 < le && words < 3) {
      if ((is_char(ctx, k, '-') || is_char(ctx, k, '/')) && !ctx.token(k).space_before &&
          !ctx.token(k + 1).space_before && credit_word(ctx.token(k + 1).shape)) {
        k += 2;  // "EPA-EFE", "AFP/Getty": one credit
      } else if (credit_word(ctx.token(k).shape)) {
        ++k;
        ++words;
      } else {
        break;
      }
    }
    if (k < le && is_char(ctx, k, ')')) d = k + 1;
  }
  return d < le && is_spaced_dash(ctx, d);
}

// A dateline place, with the kb_id of the most populous place of that name in
// any case ("WASHINGTON" -> the city's GeoNames id). The region after the
// city's comma ("COLUMBUS, Ohio") is a state or country: its ISO 3166 id first,
// as the same name gets elsewhere in the text (not a WordNet sense's).
void emit_dateline(const Context& ctx, std::size_t b, std::size_t e, bool region, std::vector<Candidate>& out) {
  emit(ctx, b, e, 0.9f, "loc.dateline", out);
  bool best_iso = false;
  std::uint32_t best = 0;
  ctx.for_matches_at(b, [&](const gazetteer::Match& m) {
    if (m.token_end != e || m.cls != EntryClass::Location) return;
    const auto entry = ctx.matcher.entry(m);
    if (entry.kb_id.empty()) return;
    const bool iso = region && entry.kb_id.starts_with("iso3166");
    if (!out.back().kb_id.empty() && (iso < best_iso || (iso == best_iso && entry.population <= best))) return;
    out.back().kb_id = entry.kb_id;
    best_iso = iso;
    best = entry.population;
  });
}

// "PORTLAND, Maine (AP) -": the dateline's town of that name in the state or
// province named after its comma, if a list has one (the candidate `town`
// emit_dateline made over [b, e) keeps the most populous one's id otherwise).
[[gnu::noinline]] void dateline_town_in_division(const Context& ctx, std::size_t b, std::size_t e,
                                                 std::size_t region, Candidate& town) {
  ctx.for_matches_at(b, [&](const gazetteer::Match& m) {
    if (m.token_end != e || m.cls != EntryClass::Location) return;
    const std::string_view a1 = ctx.matcher.admin1(m);
    if (a1.empty()) return;
    const auto entry = ctx.matcher.entry(m);
    if (division_named_at(ctx, entry.country, a1, region) != 0) town.kb_id = entry.kb_id;
  });
}

// Whether a country's or a first-level subdivision's name starts at token k
// ("New Jersey", "Texas", "France").
bool state_or_country_at(const Context& ctx, std::size_t k) {
  return ctx.country[k] || ctx.find_match_at(k, [&](const gazetteer::Match& m) {
    return m.cls == EntryClass::Location && ctx.matcher.entry(m).kb_id.starts_with("iso3166");
  }) != nullptr;
}

// loc.dateline: "LONDON 1996-08-30", "TOKYO, December 19", "ARLINGTON, Texas
// 1996-08-31", "(ADDIS ABABA) -": the place that opens a wire story.
// `lines` holds (first token, line end) of the lines that open with "(", a
// capital word or a known place (dateline_lines): no other line starts a dateline.
void datelines(const Context& ctx, const std::vector<std::uint32_t>& lines, std::vector<Candidate>& out) {
  for (std::size_t l = 0; l + 1 < lines.size(); l += 2) {
    const std::size_t b = lines[l], le = lines[l + 1];
    std::size_t s = b;
    const bool paren = is_char(ctx, s, '(');
    if (paren) ++s;
    const std::size_t e1 = place_chunk(ctx, s, le);
    if (e1 <= s) continue;
    // "JERUSALEM/CAIRO (Reuters) -": a story filed from two or three cities
    // names them joined by attached slashes.
    std::size_t chunk_ends[3] = {e1, 0, 0};
    std::size_t chunks = 1, j = e1;
    while (chunks < 3 && j + 1 < le && is_char(ctx, j, '/') && !ctx.token(j).space_before &&
           !ctx.token(j + 1).space_before) {
      const std::size_t next = place_chunk(ctx, j + 1, le);
      if (next <= j + 1) break;
      chunk_ends[chunks++] = next;
      j = next;
    }
    // The city must be written in capitals or be a known place.
    bool caps = true;
    for (std::size_t k = s; k < j; ++k) {
      if (ctx.token(k).shape == Shape::Capitalized) caps = false;
    }
    std::size_t r = 0, re = 0;  // optional region after a comma
    if (j < le && is_char(ctx, j, ',')) {
      const std::size_t e2 = place_chunk(ctx, j + 1, le);
      // "MANCHESTER, England, Feb. 12, 2024 -": a comma may stand before the date too.
      const bool comma_date = e2 + 1 < le && is_char(ctx, e2, ',') && dateline_date_at(ctx, e2 + 1);
      if (e2 > j + 1 && (dateline_date_at(ctx, e2) || comma_date || dash_after(ctx, e2, le))) {
        r = j + 1;
        re = e2;
        j = comma_date ? e2 + 1 : e2;
      } else {
        ++j;
      }
    }
    // "WASHINGTON — ", "TOKYO (AP) - ", "BERLIN, Germany -": a city in capitals at
    // the start of a line, then a dash, perhaps after an agency credit.
    const bool dash = dash_after(ctx, j, le);
    bool ok = false;
    if (paren) {
      ok = chunks == 1 && e1 < le && is_char(ctx, e1, ')') && caps;
    } else {
      ok = (dateline_date_at(ctx, j) && (caps || ctx.has(s, EntryClass::Location))) ||
           // not a headline's topic label ("SOCCER - JAPAN WIN", "NOTE: "): the line goes on in lowercase
           // and a known place ("NOTE -", "PRESS DIGEST -" are not)
           // "LAHORE: ", "DUBAI: ": South Asian and Gulf papers end the dateline with a colon.
           ((dash || (is_char(ctx, j, ':') && !ctx.token(j).space_before)) && caps && !ctx.caps_line[s] &&
            ctx.token(s).shape == Shape::AllCaps &&
            // (a town no list has, "PARK CITY, Utah —", is one before its state or country)
            (known_place(ctx, s, e1) || big_city(ctx, s, e1) || (re > r && state_or_country_at(ctx, r))));
    }
    if (!ok) continue;
    emit_dateline(ctx, s, e1, /*region=*/false, out);
    if (re > r && chunks == 1) dateline_town_in_division(ctx, s, e1, r, out.back());
    for (std::size_t c = 1; c < chunks; ++c) emit_dateline(ctx, chunk_ends[c - 1] + 1, chunk_ends[c], false, out);
    if (re > r) emit_dateline(ctx, r, re, /*region=*/true, out);
  }
}

// The lines that may open with a dateline, as (first token, line end) pairs,
// from Context's line list. (A per-thread buffer, cleared here: growing a
// fresh vector cost a short story several heap allocations.)
const std::vector<std::uint32_t>& dateline_lines(const Context& ctx) {
  thread_local std::vector<std::uint32_t> lines;
  lines.clear();
  // place_chunk starts at a capitalized or capital word, after "(" in "(ADDIS ABABA) -".
  // A line that opens with a capitalized word (most lines of prose) takes a
  // dateline only when that word is a known place: its chunk is not all in
  // capitals, and datelines() then accepts a date after it only with
  // ctx.has(s, LOCATION), a dash only for a chunk in capitals. Such lines are
  // left out here, before any chunk is scanned.
  for (std::size_t l = 0; l + 1 < ctx.line_starts.size(); ++l) {
    const std::size_t b = ctx.line_starts[l];
    const Shape s = ctx.token(b).shape;
    if ((s == Shape::Capitalized && ctx.has(b, EntryClass::Location)) || s == Shape::AllCaps || is_char(ctx, b, '(')) {
      lines.push_back(static_cast<std::uint32_t>(b));
      lines.push_back(ctx.line_starts[l + 1]);
    }
  }
  return lines;
}

constexpr FoldedWord kChannel("channel");
constexpr FoldedWord kPalace("palace"), kSide("side"), kEnd("end");

// loc.palace: "the Moncloa Palace", "the Quirinale Palace": a one-word place
// and a capitalized "Palace" name the building, a place too (DESIGN.md: a
// venue is a LOCATION). loc.district: "the Upper West Side", "the East End":
// a compass word (after "Upper"/"Lower") and a capitalized "Side"/"End" name a
// district; the compass word alone is no place there. Token i is a place word
// and token i + 1 has one of the three fold hashes (the loop's test).
void landmark_at(const Context& ctx, std::size_t i, std::vector<Candidate>& out) {
  static constexpr std::string_view kCompass[] = {"east", "west", "north", "south"};
  static constexpr WordSet kCompassSet(kCompass);
  if (ctx.token(i + 1).shape != Shape::Capitalized || ctx.token(i + 1).newline_before) return;
  if (folded_is(ctx, i + 1, kPalace)) {
    // (Not a listed name of both words: "Crystal Palace" is a club.)
    const auto listed = [&](const gazetteer::Match& m) { return m.token_end == i + 2; };
    if (ctx.has(i, EntryClass::Location) && ctx.find_match_at(i, listed) == nullptr &&
        !(i > 0 && ctx.is_cap(i - 1) && !ctx.token(i).newline_before && !ctx.token(i).sentence_start)) {
      emit_candidate(ctx, EntityType::Location, i, i + 2, 0.7f, "loc.palace", out);
    }
    return;
  }
  if ((folded_is(ctx, i + 1, kSide) || folded_is(ctx, i + 1, kEnd)) && kCompassSet.contains(ctx, i)) {
    const std::size_t b = i > 0 && !ctx.token(i).newline_before && ctx.token(i - 1).shape == Shape::Capitalized &&
                                  is_place_adjective(ctx, i - 1)
                              ? i - 1
                              : i;
    emit_candidate(ctx, EntityType::Location, b, i + 2, 0.7f, "loc.district", out);
  }
}

// loc.saint_building, org.saint_institution: "St Giles' Cathedral", "St.
// Mary's Church", "Saint Anne's Abbey" are one name, a building (LOCATION, as
// a place); "St Thomas' Hospital", "St Mary's College", "St Aidan's School" an
// institution (ORGANIZATION, like a university): not the saint (PERSON). The
// word "St", "St." or "Saint", one capitalized name, "'s" or "'", up to two
// capitalized modifiers ("St Aidan's Primary School", "St Mary's Catholic
// Church"), and the noun, capitalized. Called at every capitalized "St" (a particle: its lexicon
// bit) or "Saint" (its hash) by recognize_locations' loop.
constexpr FoldedWord kSt("st"), kStDot("st."), kSaint("saint");
void saint_name_at(const Context& ctx, std::size_t i, std::vector<Candidate>& out) {
  static constexpr std::string_view kBuildings[] = {"church", "cathedral", "chapel", "abbey", "basilica", "minster",
                                                    "priory"};
  static constexpr WordSet kBuildingSet(kBuildings);
  static constexpr std::string_view kInstitutions[] = {"hospital", "school", "college", "infirmary", "academy"};
  static constexpr WordSet kInstitutionSet(kInstitutions);
  const std::size_t n = ctx.size();
  const text::Token* const tokens = ctx.tt.tokens.data();
  if (!folded_is(ctx, i, kSt) && !folded_is(ctx, i, kStDot) && !folded_is(ctx, i, kSaint)) return;
  std::size_t k = i + 1;
  if (k < n && is_char(ctx, k, '.') && !tokens[k].space_before) ++k;  // "St."
  if (k + 2 >= n || tokens[k].shape != Shape::Capitalized || tokens[k].newline_before) return;
  std::size_t a = k + 1;
  if (tokens[a].space_before ||
      !(ctx.is(a, "'s") || ctx.is(a, "\u2019s") || is_char(ctx, a, '\'') || ctx.is(a, "\u2019"))) {
    return;
  }
  if (a + 1 < n && !tokens[a + 1].space_before && is_char(ctx, a + 1, 's')) ++a;  // "'" "s" as two tokens
  std::size_t noun = a + 1;
  for (;; ++noun) {
    if (noun >= n || tokens[noun].shape != Shape::Capitalized || tokens[noun].newline_before) return;
    if (kBuildingSet.contains(ctx, noun) || kInstitutionSet.contains(ctx, noun) || noun == a + 3) break;
  }
  if (kBuildingSet.contains(ctx, noun)) {
    emit(ctx, i, noun + 1, 0.8f, "loc.saint_building", out);
  } else if (kInstitutionSet.contains(ctx, noun)) {
    emit_candidate(ctx, EntityType::Organization, i, noun + 1, 0.8f, "org.saint_institution", out);
  }
}

// The rules of recognize_locations' loop at a place word i, each called past
// the cheap tests that the loop makes first (a bit of i or of a neighbour):
// few place words pass them, and out of line the rules' bodies leave the loop
// its registers (inlined, GCC spilled the loop's pointers and reloaded them
// for every capitalized word).

// loc.channel: "across the Channel", "under the Channel": the word alone
// after a lowercase "the", not before a capitalized word or a number ("the
// Channel Tunnel", "Channel 4"), is the English Channel. (The loop tests its
// fold hash first.)
[[gnu::noinline]] void channel_at(const Context& ctx, std::size_t i, std::vector<Candidate>& out) {
  const std::size_t n = ctx.size();
  const text::Token* const tokens = ctx.tt.tokens.data();
  if (i > 0 && tokens[i].shape == Shape::Capitalized && folded_is(ctx, i, kChannel) && folded_is(ctx, i - 1, "the") &&
      tokens[i - 1].shape == Shape::Lower &&
      !(i + 1 < n && !tokens[i + 1].newline_before &&
        (cap_shape(ctx, i + 1) || tokens[i + 1].shape == Shape::Digits))) {
    emit(ctx, i, i + 1, 0.6f, "loc.channel", out);
  }
}

// loc.road: "Interstate 70", "I-70", "U.S. 23", "State Route 161", "Highway 1":
// a road's word and its number of 1 to 3 digits are one place (MUC/CoNLL
// tag roads as locations), not the country "U.S." and a number. "U.S." names
// a road only after a lowercase word ("on U.S. 23"; not a headline's "U.S. 30
// Treasuries"), and no number goes on after the road's ("U.S. 30-year",
// "Route 9.5", "U.S. 2 million"). (The loop calls it where kRoadWordBits has
// the word's bit, before a number or punctuation.)
constexpr FoldedWord kInterstate("interstate"), kRoute("route"), kHighway("highway"), kUs("u.s"), kUsDot("u.s."),
    kI("i");
constexpr FoldedWord kState("state"), kCounty("county");
// A bit per word that opens a road (of 64, by its fold hash): the loop's one
// test for most capitalized words, and road_at then checks the word itself.
constexpr unsigned road_bit(std::uint64_t h) { return static_cast<unsigned>(h >> 58); }
constexpr std::uint64_t kRoadWordBits = (1ull << road_bit(kInterstate.hash)) | (1ull << road_bit(kRoute.hash)) |
                                        (1ull << road_bit(kHighway.hash)) | (1ull << road_bit(kUs.hash)) |
                                        (1ull << road_bit(kUsDot.hash)) | (1ull << road_bit(kI.hash));
[[gnu::noinline]] void road_at(const Context& ctx, std::size_t i, std::vector<Candidate>& out) {
  const std::size_t n = ctx.size();
  const text::Token* const tokens = ctx.tt.tokens.data();
  const std::uint64_t h = tokens[i].fold_hash;
  std::size_t d = i + 1;  // the number
  if (h == kI.hash) {
    // "I-70": the letter, an attached hyphen and the number
    if (!(d + 1 < n && is_char(ctx, d, '-') && !tokens[d].space_before && !tokens[d + 1].space_before)) return;
    ++d;
  } else if (h == kUsDot.hash || h == kUs.hash) {
    if (i == 0 || tokens[i - 1].shape != Shape::Lower || tokens[i].newline_before) return;
    if (h == kUs.hash) {
      // "U.S" and its attached period
      if (!(d + 1 < n && is_char(ctx, d, '.') && !tokens[d].space_before)) return;
      ++d;
    }
  } else if (h != kInterstate.hash && h != kRoute.hash && h != kHighway.hash) {
    return;
  }
  if (d >= n || tokens[d].shape != Shape::Digits || tokens[d].newline_before || tokens[d].fold_size > 3) {
    return;
  }
  // What follows the number: nothing attached but a sentence's punctuation, no number word.
  if (d + 1 < n && !tokens[d + 1].newline_before) {
    if (!tokens[d + 1].space_before && !is_char(ctx, d + 1, ',') && !is_char(ctx, d + 1, '.') &&
        !is_char(ctx, d + 1, ';') && !is_char(ctx, d + 1, ')')) {
      return;
    }
    if (tokens[d + 1].space_before && (tokens[d + 1].shape == Shape::Digits || folded_is(ctx, d + 1, "million") ||
                                       folded_is(ctx, d + 1, "billion") || folded_is(ctx, d + 1, "percent"))) {
      return;
    }
  }
  // "State Route 161", "U.S. Route 23", "County Highway 7": the road's class opens it.
  std::size_t b = i;
  if ((h == kRoute.hash || h == kHighway.hash) && i > 0 && !tokens[i].newline_before) {
    const std::uint64_t p = tokens[i - 1].fold_hash;
    if (cap_shape(ctx, i - 1) && (p == kState.hash || p == kCounty.hash || p == kUsDot.hash || p == kInterstate.hash)) {
      b = i - 1;
    } else if (i >= 2 && is_char(ctx, i - 1, '.') && !tokens[i - 1].space_before && tokens[i - 2].fold_hash == kUs.hash) {
      b = i - 2;  // "U.S. Route 23" with the period a token of its own
    }
  }
  emit(ctx, b, d + 1, 0.85f, "loc.road", out);
}

// loc.feature: "Southern Kuril Islands", "Kelvo-Tarsa International Airport"
// (an attached hyphen joins two words, as in loc.place_noun). At a feature
// word (kLexFeature: the loop tests that bit).
[[gnu::noinline]] void feature_names_at(const Context& ctx, std::size_t i, std::vector<Candidate>& out) {
  const std::size_t n = ctx.size();
  const text::Token* const tokens = ctx.tt.tokens.data();
  if (i > 0 && !ctx.token(i).newline_before && is_feature_suffix(ctx, i)) {
    std::size_t b = i;
    while (b > 0 && !ctx.token(b).newline_before && i - b < 4) {
      if (place_word(ctx, b - 1) && !headline_word(ctx, b - 1) && !(b < i && modifies_name(ctx, b - 1, b))) {
        --b;
      } else if (b == i && (street_name_word(ctx, b - 1, i) || sponsor_acronym(ctx, b - 1, i))) {
        --b;
      } else if (b >= 2 && b < i && is_char(ctx, b - 1, '-') && !tokens[b - 1].space_before &&
                 !tokens[b].space_before && place_word(ctx, b - 2) && !headline_word(ctx, b - 2)) {
        b -= 2;
      } else {
        break;
      }
    }
    // loc.feature_list: a plural head shared by a list, "Iturup, Kunashir,
    // Shikotan Islands": each listed name is a place of its own.
    const std::string_view head = ctx.folded(i);
    const bool plural = head.size() > 1 && head.back() == 's';
    std::size_t items = 0;
    if (b < i && plural) {
      std::size_t k = b;
      while (k >= 2 && is_char(ctx, k - 1, ',') && place_word(ctx, k - 2) && !ctx.token(k).newline_before) {
        std::size_t ib = k - 2;
        while (ib > 0 && place_word(ctx, ib - 1) && k - 1 - ib < 3) --ib;
        emit(ctx, ib, k - 1, 0.6f, "loc.feature_list", out);
        ++items;
        k = ib;
      }
    }
    if (items > 0) {
      emit(ctx, b, i, 0.6f, "loc.feature_list", out);
    } else if (b < i && (head != "course" || (b + 1 < i && folded_is(ctx, i - 1, "golf")))) {
      // ("Course" heads a golf course's name only: "the Tarvo Park Golf Course",
      // not "the Basic Course".)
      emit(ctx, b, i + 1, 0.6f, "loc.feature", out);
    }
  }
  if (i + 1 < n && !ctx.token(i + 1).newline_before && is_feature_prefix(ctx, i)) {
    std::size_t j = i + 1;
    // "Gulf of Mexico"; "Gare de Lyon", "Gare du Nord", "Esplanada dos Tarsos",
    // "Rua do Tarso": "of" in French, Spanish and Portuguese, too.
    if (j + 1 < n &&
        (folded_is(ctx, j, "of") || folded_is(ctx, j, "de") || folded_is(ctx, j, "du") ||
         ((folded_is(ctx, j, "do") || ctx.lex_is(j, kLexParticle)) && ctx.token(j).shape == Shape::Lower)) &&
        place_word(ctx, j + 1)) {
      ++j;
    }
    std::size_t e = j;
    while (e < n && !ctx.token(e).newline_before && place_word(ctx, e) && e - j < 3) ++e;
    if (e > j) emit(ctx, i, e, 0.6f, "loc.feature", out);
  }
}

// loc.adjective: "Old Trafford", "Lower Saxony", "East Jakarta", "Central
// Sulawesi": a place-name adjective or a capitalized compass word before a
// known place is part of its name; before a country the compass word only
// says which part ("Northern Iraq": the lists have "North Korea" whole).
// (The loop tests the place bit of i + 1 first: most capitalized words have
// no place after them.)
[[gnu::noinline]] void adjective_at(const Context& ctx, std::size_t i, std::vector<Candidate>& out) {
  const text::Token* const tokens = ctx.tt.tokens.data();
  if (!tokens[i + 1].newline_before && tokens[i + 1].shape == Shape::Capitalized &&
      tokens[i].shape == Shape::Capitalized && is_place_opener(ctx, i) &&
      (!ctx.country[i + 1] || is_place_adjective(ctx, i))) {
    // "Little Richard", "Great Scott": after an adjective, a place that is also a
    // given name may be a person's nickname (after a compass word it is the
    // place: "South Austin").
    const std::size_t e =
        ctx.has(i + 1, EntryClass::GivenName) && is_place_adjective(ctx, i) ? i + 1 : known_place_end(ctx, i + 1);
    if (e > i + 1) emit(ctx, i, e, 0.72f, "loc.adjective", out);
  }
}

// loc.compass_name: "in West Tarvania", "from North Kelvo": after a locative
// (the loop tests it, and that token i + 1 is in no list), a capitalized
// compass word and a name that no list has are one place, as loc.adjective's
// "East Jakarta" is of a known one.
[[gnu::noinline]] void compass_name_at(const Context& ctx, std::size_t i, std::vector<Candidate>& out) {
  const text::Token* const tokens = ctx.tt.tokens.data();
  if (tokens[i - 1].shape == Shape::Lower && tokens[i].shape == Shape::Capitalized && is_place_opener(ctx, i) &&
      !is_place_adjective(ctx, i)) {
    const std::size_t e = unknown_name_end(ctx, i + 1);
    if (e > i + 1) emit(ctx, i, e, 0.6f, "loc.compass_name", out);
  }
}

// loc.state_abbrev: "Woodside, Calif.", "Palo Alto, Calif.": a name before
// a comma and a US state in its abbreviated form (a postal-address style
// that follows towns only) is a town, even when a company shares its name.
// (The loop tests for the comma and a capitalized word after it first: few
// words have them after them, and only those look the state up.)
[[gnu::noinline]] void state_abbrev_at(const Context& ctx, std::size_t i, std::vector<Candidate>& out) {
  const text::Token* const tokens = ctx.tt.tokens.data();
  if (!tokens[i + 2].newline_before && us_state_abbreviation_at(ctx, i + 2)) {
    std::size_t b = i;
    while (b > 0 && !tokens[b].newline_before && place_word(ctx, b - 1) && i - b < 2) --b;
    emit(ctx, b, i + 1, 0.85f, "loc.state_abbrev", out);
  }
}

// loc.context: "in Leeds, England" — an unknown capitalized word between a
// locative preposition and ", <known place>"; also a personal name's words
// before a state or country there ("in Murray Hill, New Jersey": the town, over
// person.given). (The loop tests for the preposition first: most place words
// follow none.)
[[gnu::noinline]] void locative_context_at(const Context& ctx, std::size_t i, std::vector<Candidate>& out) {
  const std::size_t n = ctx.size();
  if (!ctx.token(i).sentence_start && !ctx.is_common_word(i)) {
    std::size_t e = i + 1;
    while (e < n && !ctx.token(e).newline_before && place_word(ctx, e) && e - i < 3) ++e;
    if (e + 1 < n && is_char(ctx, e, ',') && ctx.is_cap(e + 1)) {
      // (A state's name of two words, "New Jersey", is no one-word place.)
      const bool state = state_or_country_at(ctx, e + 1);
      if (state || ctx.has(e + 1, EntryClass::Location)) {
        emit(ctx, i, e, state && e > i + 1 ? 0.7f : 0.5f, "loc.context", out);
      }
    }
  }
}

// loc.settlement: "the town of Tarvelo", "the village of Kelmara": up to three
// capitalized words after a lowercase settlement noun and "of" are that
// place, whatever name lists say of them ("Leilani" is a given name too).
// (The loop tests for "of", a function word, by its bit first: most place
// words follow none.)
[[gnu::noinline]] void settlement_at(const Context& ctx, std::size_t i, std::vector<Candidate>& out) {
  const std::size_t n = ctx.size();
  const text::Token* const tokens = ctx.tt.tokens.data();
  if (!tokens[i].newline_before && folded_is(ctx, i - 1, "of") && tokens[i - 2].shape == Shape::Lower &&
      is_settlement_noun(ctx, i - 2)) {
    std::size_t e = i + 1;
    while (e < n && e - i < 4 && !tokens[e].newline_before) {
      if (place_word(ctx, e)) {
        ++e;
      } else if (e + 1 < n && is_char(ctx, e, '-') && !tokens[e].space_before && !tokens[e + 1].space_before &&
                 place_word(ctx, e + 1)) {
        e += 2;  // "Tashir-Kala"
      } else {
        break;
      }
    }
    emit(ctx, i, e, 0.8f, "loc.settlement", out);
  }
}

// A plural noun that loc.place_noun reads after names: "rivers", "provinces",
// "islands", "lakes", "mountains", "hills".
bool is_plural_place_noun(const Context& ctx, std::size_t i) {
  static constexpr std::string_view kWords[] = {"rivers", "provinces", "islands", "lakes", "mountains", "hills"};
  static constexpr WordSet kSet(kWords);
  return kSet.contains(ctx, i);
}

// loc.place_noun_list: "the Kelvo and Tarsa rivers", "Kelmo, Tarvo and Central
// provinces": a plural place noun after the last name makes each name of the
// list that "and" or "or" (and commas) joins before it a place of that kind.
// Items are one or two capitalized words; b is the last item's first word.
[[gnu::noinline]] void coordinated_places(const Context& ctx, std::size_t b, std::vector<Candidate>& out) {
  if (b < 2 || !(folded_is(ctx, b - 1, "and") || folded_is(ctx, b - 1, "or"))) return;
  std::size_t e = b - 1;  // the joint after the item before
  for (int items = 0; items < 4 && e > 0 && place_word(ctx, e - 1) && !ctx.token(e).newline_before; ++items) {
    std::size_t ib = e - 1;
    if (ib > 0 && place_word(ctx, ib - 1) && !ctx.token(ib).newline_before) --ib;
    if (ctx.has(ib, EntryClass::Demonym) || ctx.lex_is(ib, kLexGroup | kLexCalendar) ||
        (ctx.token(ib).sentence_start && ctx.is_common_word(ib))) {
      return;
    }
    emit(ctx, ib, e, 0.6f, "loc.place_noun_list", out);
    if (ib < 2 || !is_char(ctx, ib - 1, ',')) return;
    e = ib - 1;
  }
}

// loc.place_noun: "Stansted airport", "the Kelpino stadium", "the Tarvaniyah
// province": a name right before a lowercase noun of a place is that place
// (up to three words, hyphen joins too: "Nagorno-Karabakh region"). Not a
// nationality or group word ("Kurdish region", "Moslem village"), a date
// word, or a common word that only the sentence capitalizes.
// (The loop tests the noun's lexicon bit first: the place nouns are all
// feature words.)
[[gnu::noinline]] void place_noun_at(const Context& ctx, std::size_t i, std::vector<Candidate>& out) {
  const text::Token* const tokens = ctx.tt.tokens.data();
  if (tokens[i + 1].shape == Shape::Lower && !tokens[i + 1].newline_before && is_place_noun(ctx, i + 1)) {
    std::size_t b = i;
    while (b > 0 && i - b < 4 && !tokens[b].newline_before) {
      if (place_word(ctx, b - 1)) {
        --b;
      } else if (b >= 2 && is_char(ctx, b - 1, '-') && !tokens[b - 1].space_before && !tokens[b].space_before &&
                 (place_word(ctx, b - 2) || ctx.lex_is(b - 2, kLexParticle))) {
        b -= 2;  // "Nagorno-Karabakh", and an article particle: "al-Qarsa", "Jebel al-Harun"
      } else {
        break;
      }
    }
    // "a majority-Black district": a word joined to a lowercase one before it
    // is a compound adjective's part, no name.
    bool ok = !(b >= 2 && is_char(ctx, b - 1, '-') && !tokens[b - 1].space_before && !tokens[b].space_before &&
                tokens[b - 2].shape == Shape::Lower);
    for (std::size_t k = b; k <= i && ok; ++k) {
      ok = !ctx.has(k, EntryClass::Demonym) && !ctx.lex_is(k, kLexGroup | kLexCalendar);
    }
    if (ok && !(tokens[b].sentence_start && ctx.is_common_word(b))) {
      emit(ctx, b, i + 1, 0.6f, "loc.place_noun", out);
      if (is_plural_place_noun(ctx, i + 1)) coordinated_places(ctx, b, out);
    }
  }
}

// loc.list: "in Tarvo, Kelmara and Lisbon", "control of Kelmara and Gondar":
// an unlisted name coordinated with a known place in a list that a locative
// ("in", "to", "from", "near") or "of" opens is a place too. Items are runs of
// one to three capitalized words joined by "," and a final "and"/"or"; at
// least one is a known place and none is some other name (a person's, a
// body's: "in Bonn and Kohl said" is no list of places). Called at the first
// item, after the locative or "of" (the loop tests them first).
constexpr FoldedWord kAnd("and"), kOr("or"), kOf("of");

// A word that may name a place no list has: in no word list, and in no name
// list but a place's, a family name's (a town is often a surname somewhere) or
// the common words' (capitalized inside a list of places: "Shire", "Tame").
bool unlisted_place_word(const Context& ctx, std::size_t k) {
  constexpr std::uint16_t kPlaceOrSurname =
      class_bit(EntryClass::Location) | class_bit(EntryClass::Surname) | class_bit(EntryClass::Word);
  return ctx.token(k).shape == Shape::Capitalized && ctx.lex[k] == 0 && (ctx.token_classes[k] & ~kPlaceOrSurname) == 0;
}

// A list of three or more known places before a verb of saying ("from Riga,
// Valletta and Nicosia said"): the last is a city speaking for its government,
// not the person a name list has of its name (a surname: "Nicosia"), as the
// speech rule would have it. (Two items may be people: "in Bonn and Kohl said".)
void spoken_place_list(const Context& ctx, const std::pair<std::size_t, std::size_t>* items, std::size_t count,
                       std::vector<Candidate>& out) {
  if (count < 3) return;
  for (std::size_t t = 0; t < count; ++t) {
    if (!known_place(ctx, items[t].first, items[t].second)) return;
  }
  emit(ctx, items[count - 1].first, items[count - 1].second, 0.8f, "loc.list", out);
}

[[gnu::noinline]] void place_list_at(const Context& ctx, std::size_t i, std::vector<Candidate>& out) {
  const std::size_t n = ctx.size();
  if (!(ctx.token(i - 1).shape == Shape::Lower || ctx.token(i - 1).sentence_start)) return;
  const auto cap = [&](std::size_t k) {
    return k < n && ctx.token(k).shape == Shape::Capitalized && !ctx.token(k).newline_before;
  };
  const auto joint = [&](std::size_t k) { return folded_is(ctx, k, kAnd) || folded_is(ctx, k, kOr); };
  std::array<std::pair<std::size_t, std::size_t>, 6> items;
  std::size_t count = 0, k = i;
  for (bool last = false;;) {
    std::size_t ie = k;
    while (cap(ie) && ie - k < 4) ++ie;
    if (ie == k || ie - k > 3 || count == items.size()) return;
    items[count++] = {k, ie};
    if (last) {
      // (Not a name before "said" or a possessive: "... and Tarvel said".)
      if (ie < n && ctx.lex_is(ie, kLexSpeech)) {
        spoken_place_list(ctx, items.data(), count, out);
        return;
      }
      if (ie < n && (ctx.is(ie, "'s") || ctx.is(ie, "\u2019s"))) return;
      break;
    }
    if (is_char(ctx, ie, ',')) ++ie;  // "A, B, and C"
    if (joint(ie)) last = true;
    else if (!is_char(ctx, ie - 1, ',')) return;
    k = last ? ie + 1 : ie;
  }
  // A known place that a list has as a body too ("Antofagasta", a company) is
  // the place in a list of places: it is named so, over the body's score.
  const auto body_too = [&](std::size_t b, std::size_t e) {
    return ctx.find_match_at(b, [&](const gazetteer::Match& m) {
      return m.token_end == e && m.cls == EntryClass::Organization;
    }) != nullptr;
  };
  bool known = false, unlisted = false;
  for (std::size_t t = 0; t < count; ++t) {
    const auto [b, e] = items[t];
    if (known_place(ctx, b, e)) {
      const bool body = body_too(b, e);
      known = known || !body;
      unlisted = unlisted || body;
      continue;
    }
    for (std::size_t w = b; w < e; ++w) {
      if (!unlisted_place_word(ctx, w)) return;
    }
    unlisted = true;
  }
  if (!known || !unlisted) return;
  for (std::size_t t = 0; t < count; ++t) {
    const auto [b, e] = items[t];
    if (!known_place(ctx, b, e)) {
      emit(ctx, b, e, 0.55f, "loc.list", out);
    } else if (body_too(b, e)) {
      emit(ctx, b, e, 0.8f, "loc.list", out);
    }
  }
}

}  // namespace

void recognize_locations(const Context& ctx, std::vector<Candidate>& out) {
  const std::size_t n = ctx.size();
  datelines(ctx, dateline_lines(ctx), out);
  // Every rule below starts at a place word, and only Context::cap_tokens can
  // be one: the loop tests them there (no list of place words is built), on
  // the per-token arrays in locals (an emit() stores into `out`, which may
  // alias anything: through `ctx` they would be reloaded for every token).
  // Each rule's cheap first test is made here, its body out of line (above).
  const text::Token* const tokens = ctx.tt.tokens.data();
  const std::uint16_t* const lex = ctx.lex.data();
  const std::uint16_t* const classes = ctx.token_classes.data();
  const std::uint8_t* const caps_line = ctx.caps_line.data();
  for (const std::size_t i : ctx.cap_tokens) {
    if ((lex[i] & kLexParticle) || tokens[i].fold_hash == kSaint.hash) saint_name_at(ctx, i, out);
    if (((kRoadWordBits >> road_bit(tokens[i].fold_hash)) & 1) && i + 1 < n &&
        (tokens[i + 1].shape == Shape::Digits || tokens[i + 1].shape == Shape::Punct)) {
      road_at(ctx, i, out);
    }
    if (!place_word_bits(tokens[i].shape, caps_line[i], lex[i], classes[i])) continue;
    if (tokens[i].fold_hash == kChannel.hash) channel_at(ctx, i, out);
    // (Palace's place and the compass words are all in place lists: that bit first.)
    if ((classes[i] & class_bit(EntryClass::Location)) && i + 1 < n) {
      const std::uint64_t h = tokens[i + 1].fold_hash;
      if (h == kPalace.hash || h == kSide.hash || h == kEnd.hash) landmark_at(ctx, i, out);
    }
    // A word of either feature list (kLexFeature: Context's lexicon is built
    // from both): most place words are in neither, and one bit test spares
    // them the two lookups, which would read each place word's token again.
    if (lex[i] & kLexFeature) feature_names_at(ctx, i, out);
    if (i + 1 < n && (classes[i + 1] & class_bit(EntryClass::Location))) adjective_at(ctx, i, out);
    // (The locative and the unknown word first: most place words have neither.)
    if (i > 0 && (lex[i - 1] & kLexLocative) && i + 1 < n && classes[i + 1] == 0) compass_name_at(ctx, i, out);
    if (i + 3 < n && (tokens[i + 2].shape == Shape::Capitalized || tokens[i + 2].shape == Shape::AllCaps) &&
        is_char(ctx, i + 1, ',')) {
      state_abbrev_at(ctx, i, out);
    }
    if (i > 0 && (lex[i - 1] & kLexLocative)) {
      locative_context_at(ctx, i, out);
      place_list_at(ctx, i, out);
    }
    if (i >= 2 && (lex[i - 1] & kLexFunction)) {
      settlement_at(ctx, i, out);
      if (tokens[i - 1].fold_hash == kOf.hash) place_list_at(ctx, i, out);
    }
    if (i + 1 < n && (lex[i + 1] & kLexFeature)) place_noun_at(ctx, i, out);
  }
}

bool is_place_adjective(const Context& ctx, std::size_t i) {
  static constexpr WordSet kSet(kPlaceAdjectives);
  return kSet.contains(ctx, i);
}

bool is_place_opener(const Context& ctx, std::size_t i) {
  static constexpr WordSet kSet(concat(kPlaceAdjectives, kCompassWords));
  return kSet.contains(ctx, i);
}

bool is_feature_prefix(const Context& ctx, std::size_t i) {
  static constexpr WordSet kSet(kFeaturePrefixes);
  return kSet.contains(ctx, i);
}

}  // namespace newsner::recognize
