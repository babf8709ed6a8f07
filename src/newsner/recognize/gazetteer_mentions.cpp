#include "newsner/recognize/gazetteer_mentions.hpp"

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

// Every word token in [b, e) starts with a capital (or is a connector like "of").
bool title_cased(const Context& ctx, std::size_t b, std::size_t e) {
  for (std::size_t i = b; i < e; ++i) {
    const Shape s = ctx.token(i).shape;
    if (s == Shape::Lower && (i == b || i + 1 == e)) return false;
  }
  return true;
}

}  // namespace

void recognize_gazetteer_mentions(const Context& ctx, std::vector<Candidate>& out) {
  for (const auto& m : ctx.matches) {
    const auto entry = ctx.matcher.entry(m);
    const auto type = mention_type(entry.cls);
    if (!type) continue;
    const std::size_t b = m.token_begin, e = m.token_end;
    const bool caps = all_caps(ctx, b, e) && ctx.caps_line[b];
    const bool accepted = m.exact_case || caps || (m.deaccented && title_cased(ctx, b, e));
    if (!accepted) continue;
    float score = 0.7f;
    const bool single = e - b == 1;
    if (entry.flags & gazetteer::kAmbiguous) {
      if (ctx.token(b).sentence_start || caps) continue;
      score = 0.35f;
    } else if (single && ctx.token(b).sentence_start && ctx.is_common_word(b)) {
      continue;  // "Nice weather": a capital at a sentence start is no evidence
    }
    if (*type == EntityType::Location && single && entry.population > 0 && entry.population < 50000 &&
        (ctx.has(b, EntryClass::GivenName) || ctx.has(b, EntryClass::Surname))) {
      score = 0.3f;  // a small town that is also a personal name: let name rules win
    }
    // Prefer one candidate per span and type: keep the most populous entry's id.
    bool merged = false;
    const Span span = ctx.span(b, e);
    for (auto it = out.rbegin(); it != out.rend() && it->span.begin == span.begin; ++it) {
      if (it->span == span && it->type == *type) {
        merged = true;
        if (score > it->score) it->score = score;
        break;
      }
    }
    if (merged) continue;
    Candidate c;
    c.type = *type;
    c.span = span;
    c.score = score;
    c.evidence = entry.list;
    c.kb_id = std::string(entry.kb_id);
    out.push_back(std::move(c));
  }
}

}  // namespace newsner::recognize
