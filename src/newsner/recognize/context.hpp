// What every name recognizer needs to know about one document, computed once:
// its tokens, all gazetteer matches, and per-token evidence bits (is this token
// a known given name, surname, title word, demonym, organization head, common
// word?). Built by the pipeline after tokenization, read by the recognizers.
// Units: token indices; spans in BYTES.
// Thread safety: one per document; not shared.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "newsner/document.hpp"
#include "newsner/gazetteer/matcher.hpp"
#include "newsner/text/tokenizer.hpp"

namespace newsner::recognize {

/// Per-token lexical cues computed once from built-in word lists (closed-class
/// English vocabulary, not names): see Context::lex.
enum LexBit : std::uint16_t {
  kLexFunction = 1,      // "the", "in", "of", "and": never a name word
  kLexOrgHead = 2,       // "Ministry", "Bank", "Club", "Party", "Corp": ends an organization name
  kLexOrgSuffix = 4,     // "Inc", "Ltd", "Corp", "Plc", "AG", "GmbH": a legal-form suffix
  kLexSpeech = 8,        // "said", "told", "added": marks an adjacent name as a person
  kLexCalendar = 16,     // month and weekday names
  kLexTitleAbbrev = 32,  // "PM", "Sgt", "Lt", "Insp": abbreviated titles and ranks
  kLexSports = 64,       // "match", "innings", "goals", "league": sports vocabulary
  kLexTeamWord = 128,    // "United", "City", "Rovers", "FC": club-name words
  kLexWeakStart = 256,   // "new", "former": capitalized, they still do not start a name
  kLexParticle = 512,    // "van", "de", "bin", "al": name particles (name_shape.hpp)
  kLexGroup = 1024,      // "Christian", "Muslim", "Democrats": faiths and political groups, not people
  kLexTitleStart = 2048, // set per document: a TITLE entry of 2+ words starts here ("Prime [Minister]")
  kLexLocative = 4096,   // "in", "near", "from": a following name is a place ("in Jordan")
  kLexRoleNoun = 8192,   // "chairman", "analyst", "spokesman": org.role's "<role> of <Org>"
  kLexFeature = 16384,   // "island", "river", "mount", "lake": heads of place names (loc.feature)
  kLexTeamCue = 32768,   // "beat", "drew", "striker", "coach": org.team_context's kTeamVerbs and kClubRoles
};

/// Token or match indices in ascending order, filled once by the Context
/// constructor: a buffer sized for every token (match) but written only as far
/// as size() (no zero fill, no capacity test per index).
class IndexList {
 public:
  const std::uint32_t* begin() const { return data_.get(); }
  const std::uint32_t* end() const { return data_.get() + size_; }
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  std::uint32_t operator[](std::size_t k) const { return data_[k]; }

 private:
  friend struct Context;
  friend struct ContextBuffers;
  // Room for n indices: the buffer is kept when it is large enough.
  std::uint32_t* room_for(std::size_t n) {
    if (capacity_ < n) {
      data_ = std::make_unique_for_overwrite<std::uint32_t[]>(n);
      capacity_ = n;
    }
    size_ = 0;
    return data_.get();
  }
  std::unique_ptr<std::uint32_t[]> data_;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;
};

/// Bit for an entry class in Context::token_classes.
constexpr std::uint16_t class_bit(gazetteer::EntryClass c) {
  return static_cast<std::uint16_t>(1u << static_cast<unsigned>(c));
}

struct Context {
  const text::TokenizedText& tt;
  const gazetteer::Matcher& matcher;
  /// tt's token array, token count, text and folded forms, copied once: the
  /// rules ask size(), token(), surface() and folded() millions of times, and
  /// through `tt` each was two or three dependent loads (size() also a divide
  /// by the token's size), reloaded after every store a rule makes. (So `tt`
  /// must not change while the Context lives, as it never does in the pipeline.)
  const text::Token* const tokens_data;
  const std::size_t token_count;
  const char* const text_data;
  const char* const folded_data;
  /// The gazetteer matches that the recognizers read, by start token, longest
  /// first: TITLE and PERSON, LOCATION, ORGANIZATION matches. The other
  /// (evidence) classes are only in token_classes and strong_classes.
  std::vector<gazetteer::Match> matches;
  /// Per token: index of its first match in `matches`, or kNone.
  std::vector<std::uint32_t> first_match;
  /// Per token: classes of single-token entries that match it. Mention and
  /// name classes count only with the entry's own capitalization (or in
  /// all-caps text); WORD counts for the lowercase form in any case.
  std::vector<std::uint16_t> token_classes;
  /// Per token: the same classes, counting only entries not flagged "amb"
  /// ("Kevin" is a strong given name, "Will" and "March" are not).
  std::vector<std::uint16_t> strong_classes;
  /// Per token: LexBit cues from built-in closed-class word lists.
  std::vector<std::uint16_t> lex;
  /// Per token: 1 when its line is written in capitals (headline, credit), else 0.
  /// (Bytes, not std::vector<bool>: plain loads and stores, no bit masking.)
  std::vector<std::uint8_t> caps_line;
  /// Per token: 1 when the token is a country or region name from the
  /// country/region lists (as a single-token entry with its own capitalization
  /// or in capitals), else 0.
  std::vector<std::uint8_t> country;
  /// Tokens that are capitalized, all caps, mixed case or alphanumeric ("Kono",
  /// "NATO", "iPhone", "G20"), in text order: about a quarter of news tokens, and
  /// the only ones where a name, place or organization rule starts or finds its
  /// head. The recognizers walk this list, not every token.
  IndexList cap_tokens;
  /// The first token of each line, in text order, then size(): line l holds
  /// tokens [line_starts[l], line_starts[l + 1]). Empty for an empty document.
  IndexList line_starts;
  /// Per line (as line_starts, without its end mark): 1 when the line holds a
  /// number (a Shape::Digits token), else 0. (Counted in the same pass.)
  std::vector<std::uint8_t> line_has_number;
  /// Lowercase role nouns (kLexRoleNoun), in text order: where org.role starts.
  IndexList role_nouns;
  /// Indices into `matches` of the TITLE matches, in order (person titles).
  IndexList title_matches;
  /// Indices into `matches` of the PERSON, LOCATION and ORGANIZATION matches,
  /// in order: a fifth of all matches, the others being evidence classes.
  /// Without those that start with a lowercase word and are not in their
  /// entry's own capitalization ("bath", "march"): neither in capitals nor
  /// title-cased, they are no mention.
  IndexList mention_matches;
  /// True when the document reads as a sports report (score lines, results
  /// tables or several sports words): team slots then name organizations.
  bool sports = false;

  static constexpr std::uint32_t kNone = 0xFFFFFFFFu;

  /// The per-token arrays and lists reuse the memory of the previous Context
  /// of the same thread (taken here, given back by the destructor): a document
  /// costs no heap allocation for them once a larger one has been seen.
  Context(const text::TokenizedText& tokens, const gazetteer::Matcher& m);
  ~Context();
  Context(const Context&) = delete;
  Context& operator=(const Context&) = delete;

  std::size_t size() const { return token_count; }
  const text::Token& token(std::size_t i) const { return tokens_data[i]; }
  /// tt.surface(token(i)) and tt.folded_form(token(i)), without their bounds
  /// tests (a token's bytes are inside the text and the folded forms).
  std::string_view surface(std::size_t i) const {
    const text::Token& t = tokens_data[i];
    return {text_data + t.span.begin, t.span.size()};
  }
  std::string_view folded(std::size_t i) const {
    const text::Token& t = tokens_data[i];
    return {folded_data + t.fold_begin, t.fold_size};
  }
  bool has(std::size_t i, gazetteer::EntryClass c) const { return (token_classes[i] & class_bit(c)) != 0; }
  /// Like has(), but only for entries not flagged "amb".
  bool strong(std::size_t i, gazetteer::EntryClass c) const { return (strong_classes[i] & class_bit(c)) != 0; }
  bool lex_is(std::size_t i, std::uint16_t bit) const { return i < size() && (lex[i] & bit) != 0; }
  /// An organization head word, from the ORG_HEAD list or the built-in heads.
  bool is_org_head(std::size_t i) const { return has(i, gazetteer::EntryClass::OrgHead) || (lex[i] & kLexOrgHead) != 0; }
  /// A known given name or surname (strong: not also a common word).
  bool strong_name_part(std::size_t i) const {
    return strong(i, gazetteer::EntryClass::GivenName) || strong(i, gazetteer::EntryClass::Surname);
  }
  /// True when token i is the first token of its line.
  bool line_start(std::size_t i) const { return i == 0 || tokens_data[i].newline_before; }
  /// Index one past the last token of the line holding token i.
  std::size_t line_end(std::size_t i) const {
    std::size_t e = i + 1;
    while (e < size() && !tokens_data[e].newline_before) ++e;
    return e;
  }
  /// True when tokens [b, e) are exactly one entry of the country/region lists.
  bool is_country_span(std::size_t b, std::size_t e) const;
  /// The best (lowest) frequency ranks ("rank=N") of token i's one-token
  /// GIVEN_NAME and SURNAME entries; 0 when it has none with a rank. (Reads the
  /// entries: for the few tokens a rule asks about, not for every token.)
  struct NameRanks {
    std::uint32_t given = 0, surname = 0;
  };
  NameRanks name_ranks(std::size_t i) const;
  /// Capitalized, all caps or mixed case ("Kono", "NATO", "McDonald", "iPhone").
  /// (Inline: the recognizers and the document pass ask it for most tokens.)
  bool is_cap(std::size_t i) const {
    const text::Shape s = tokens_data[i].shape;
    return s == text::Shape::Capitalized || s == text::Shape::AllCaps || s == text::Shape::Mixed;
  }
  /// A lowercase word that is in the common-word list.
  bool is_common_word(std::size_t i) const { return has(i, gazetteer::EntryClass::Word); }
  /// Surface text equals `s` exactly.
  bool is(std::size_t i, std::string_view s) const { return i < size() && surface(i) == s; }
  /// Byte span from token b to token e (exclusive).
  Span span(std::size_t b, std::size_t e) const {
    return {tokens_data[b].span.begin, tokens_data[e - 1].span.end};
  }
  /// Matches in `matches` (TITLE and mention classes) starting at token i,
  /// longest first.
  /// (By pointer to the end of `matches`: an index compared with size() cost
  /// a divide by the match's size per step.)
  template <typename F>
  void for_matches_at(std::size_t i, F&& f) const {
    const std::uint32_t k = first_match[i];
    if (k == kNone) return;
    const gazetteer::Match* const end = matches.data() + matches.size();
    for (const gazetteer::Match* m = matches.data() + k; m != end && m->token_begin == i; ++m) f(*m);
  }
  /// The first (longest) of those matches for which pred(match) holds, or nullptr.
  template <typename P>
  const gazetteer::Match* find_match_at(std::size_t i, P&& pred) const {
    const std::uint32_t k = first_match[i];
    if (k == kNone) return nullptr;
    const gazetteer::Match* const end = matches.data() + matches.size();
    for (const gazetteer::Match* m = matches.data() + k; m != end && m->token_begin == i; ++m) {
      if (pred(*m)) return m;
    }
    return nullptr;
  }
};

/// Appends a candidate of `type` over tokens [b, e) with the rule's evidence id,
/// built in place in `out` (no temporary to construct, move and destroy).
inline void emit_candidate(const Context& ctx, EntityType type, std::size_t b, std::size_t e, float score,
                           std::string_view rule, std::vector<Candidate>& out) {
  Candidate& c = out.emplace_back();
  c.type = type;
  c.span = ctx.span(b, e);
  c.token_begin = static_cast<std::uint32_t>(b);
  c.token_end = static_cast<std::uint32_t>(e);
  c.score = score;
  c.evidence = rule;
}

}  // namespace newsner::recognize
