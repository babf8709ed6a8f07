#include "newsner/recognize/gazetteer_mentions.hpp"

#include <algorithm>

namespace newsner::recognize {

using gazetteer::EntryClass;
using text::Shape;

namespace {

std::optional<EntityType> mention_type(EntryClass c) {
  switch (c) {
    case EntryClass::Person: return EntityType::Person;
    case EntryClass::Location: return EntityType::Location;
    case EntryClass::Organization: return EntityType::Organization;
    default: return std::nullopt;
  }
}

// All letter-bearing tokens in [b, e) are in capitals.
bool all_caps(const Context& ctx, std::size_t b, std::size_t e) {
  for (std::size_t i = b; i < e; ++i) {
    const Shape s = ctx.token(i).shape;
    if (s == Shape::Capitalized || s == Shape::Lower || s == Shape::Mixed) return false;
  }
  return true;
}

// Written like a name in running text: the first and last words capitalized (not
// in capitals, unless the whole line is), connectors like "of" inside.
bool title_cased(const Context& ctx, std::size_t b, std::size_t e) {
  for (std::size_t i = b; i < e; ++i) {
    const Shape s = ctx.token(i).shape;
    if (s == Shape::Lower && (i == b || i + 1 == e)) return false;
    if (s == Shape::AllCaps && !ctx.caps_line[i]) return false;
  }
  return true;
}

// How much a list's entries are worth on their own. Countries and regions are
// the most reliable; a generic organization list (WordNet synsets that also name
// places: "U.S." the government) less so than hand-curated organizations.
float list_prior(std::string_view list, std::uint32_t population) {
  if (list == "countries") return 0.8f;
  if (list == "regions") return 0.75f;
  if (list == "subdivisions") return 0.72f;
  // A city of 100,000 or more is what its name means more often than the province
  // or state of the same name ("Zürich", "Łódź", "New York").
  if (list == "cities") return population >= 1000000 ? 0.74f : population >= 100000 ? 0.725f : 0.7f;
  if (list == "features") return 0.6f;
  if (list == "organizations") return 0.6f;
  if (list == "people") return 0.75f;
  if (list == "companies" || list == "government_bodies" || list == "international_orgs" ||
      list == "news_media" || list == "parties" || list == "sports") {
    return 0.76f;
  }
  return 0.7f;  // user lists (--gazetteer)
}


}  // namespace

void recognize_gazetteer_mentions(const Context& ctx, std::vector<Candidate>& out) {
  // Per candidate in `out`: score and population of the entry its kb_id came from.
  std::vector<std::uint32_t> best_population(out.size(), 0);
  std::vector<float> best_score(out.size(), 0.0f);
  for (const auto& m : ctx.matches) {
    const auto type = mention_type(m.cls);
    if (!type) continue;
    const auto entry = ctx.matcher.entry(m);
    const std::size_t b = m.token_begin, e = m.token_end;
    // In capitals: a headline or credit line, or a known place of several words
    // ("NEW YORK", "ADDIS ABABA" in a dateline inside running text).
    // A country in capitals is the country anywhere ("BRITAIN" in a table row).
    const bool caps = all_caps(ctx, b, e) &&
                      (ctx.caps_line[b] || ((e - b >= 2 || entry.list == "countries") &&
                                            *type == EntityType::Location && !(entry.flags & gazetteer::kAmbiguous)));
    const bool accepted = m.exact_case || caps || (m.deaccented && title_cased(ctx, b, e));
    if (!accepted) continue;
    float score = list_prior(entry.list, entry.population);
    const bool single = e - b == 1;
    // "Washington" the government (a generic-list sense) is first of all the city.
    if (*type == EntityType::Organization && entry.list == "organizations" && e - b == 1 &&
        ctx.has(b, EntryClass::Location)) {
      score = 0.4f;
    }
    // A country is a country even if its lowercase is a word ("Japan", "Turkey", "Chad").
    const bool country_list = entry.list == "countries";
    if ((entry.flags & gazetteer::kAmbiguous) && country_list) {
      score = 0.7f;
    } else if (entry.flags & gazetteer::kAmbiguous) {
      if (ctx.token(b).sentence_start || caps) continue;
      score = 0.35f;
    } else if (single && ctx.token(b).sentence_start && ctx.is_common_word(b) && !country_list &&
               !(entry.population >= 1000000)) {
      continue;  // "Nice weather": a capital at a sentence start is no evidence
    }
    // "Canadian", "Thai": a nationality word that some town is also named is the adjective.
    if (single && ctx.strong(b, EntryClass::Demonym) && !ctx.country[b]) continue;
    if (*type == EntityType::Location && single && !ctx.country[b] && entry.population < 1000000 &&
        (ctx.strong_name_part(b) || ctx.has(b, EntryClass::GivenName) || ctx.has(b, EntryClass::Surname))) {
      // A town that is also a personal name ("Clinton", "Duran"): name rules may win.
      score = entry.population > 0 && entry.population < 50000 ? 0.3f : std::min(score, 0.45f);
    }
    // One candidate per span and type; its kb_id comes from the entry of the most
    // reliable list (list_prior: "New York" the city of 8M over the state, "Bavaria"
    // the state over a WordNet sense), then the most populous.
    bool merged = false;
    const Span span = ctx.span(b, e);
    for (auto it = out.rbegin(); it != out.rend() && it->span.begin == span.begin; ++it) {
      if (it->span == span && it->type == *type) {
        merged = true;
        const auto k = static_cast<std::size_t>(&*it - out.data());
        const bool better = !entry.kb_id.empty() &&
                            (it->kb_id.empty() || score > best_score[k] ||
                             (score == best_score[k] && entry.population > best_population[k]));
        if (better) {
          it->kb_id = entry.kb_id;
          best_score[k] = score;
          best_population[k] = entry.population;
        }
        if (score > it->score) it->score = score;
        break;
      }
    }
    if (merged) continue;
    best_population.resize(out.size() + 1, 0);
    best_score.resize(out.size() + 1, 0.0f);
    best_population[out.size()] = entry.population;
    best_score[out.size()] = score;
    Candidate c;
    c.type = *type;
    c.span = span;
    c.score = score;
    c.evidence = entry.list;
    c.kb_id = entry.kb_id;
    out.push_back(std::move(c));
  }
}

}  // namespace newsner::recognize
