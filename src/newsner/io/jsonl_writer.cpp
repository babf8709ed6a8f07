#include "newsner/io/jsonl_writer.hpp"

#include <charconv>

namespace newsner::io {
namespace {

// Decimal digits straight into the line (fmt's back_inserter adds a char at a time).
void append_number(std::string& out, std::uint64_t v) {
  char buf[24];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, end);
}

}  // namespace

void append_json_string(std::string& out, std::string_view s) {
  if (!text::is_valid_utf8(s)) {
    append_json_string(out, text::repair_utf8(s));
    return;
  }
  out.push_back('"');
  std::size_t run = 0;  // start of the pending run of characters that need no escape
  for (std::size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.substr(run, i - run));
    run = i + 1;
    switch (c) {
      case '"': out.append("\\\""); break;
      case '\\': out.append("\\\\"); break;
      case '\n': out.append("\\n"); break;
      case '\r': out.append("\\r"); break;
      case '\t': out.append("\\t"); break;
      case '\b': out.append("\\b"); break;
      case '\f': out.append("\\f"); break;
      default: fmt::format_to(std::back_inserter(out), "\\u{:04x}", c);
    }
  }
  out.append(s.substr(run));
  out.push_back('"');
}

void append_entities(std::string& out, const Extraction& r, const WriteOptions& opt) {
  out.append("\"entities\":[");
  text::OffsetConverter conv(r.text, opt.offsets);
  bool first = true;
  for (const Mention& m : r.mentions) {
    if (!first) out.push_back(',');
    first = false;
    out.append("{\"text\":");
    append_json_string(out, std::string_view(r.text).substr(m.span.begin, m.span.size()));
    out.append(",\"type\":\"");
    out.append(to_string(m.type));
    out.append("\",\"start\":");
    append_number(out, conv.convert(m.span.begin));
    out.append(",\"end\":");
    append_number(out, conv.convert(m.span.end));
    if (!m.value.empty()) {
      out.append(",\"value\":");
      append_json_string(out, m.value);
    }
    if (!m.mod.empty()) {
      out.append(",\"mod\":");
      append_json_string(out, m.mod);
    }
    if (!m.kb_id.empty()) {
      out.append(",\"kb_id\":");
      append_json_string(out, m.kb_id);
    }
    if (opt.sentence) {
      out.append(",\"sentence\":");
      append_number(out, m.sentence);
    }
    if (opt.explain) {
      out.append(",\"evidence\":[");
      for (std::size_t k = 0; k < m.evidence.size(); ++k) {
        if (k) out.push_back(',');
        append_json_string(out, m.evidence[k]);
      }
      out.push_back(']');
    }
    out.push_back('}');
  }
  out.push_back(']');
}

void append_document_line(std::string& out, std::string_view id, const Extraction& r, const WriteOptions& opt) {
  out.append("{\"id\":");
  append_json_string(out, id);
  out.push_back(',');
  if (!r.error.empty()) {
    out.append("\"error\":");
    append_json_string(out, r.error);
  } else {
    append_entities(out, r, opt);
  }
  out.append("}\n");
}

void append_record_line(std::string& out, std::string_view passthrough, std::string_view id_json,
                        const Extraction* r, std::string_view error, const WriteOptions& opt) {
  out.push_back('{');
  out.append(passthrough);
  bool need_comma = !passthrough.empty();
  if (!id_json.empty()) {
    if (need_comma) out.push_back(',');
    out.append("\"id\":");
    out.append(id_json);
    need_comma = true;
  }
  if (need_comma) out.push_back(',');
  if (r && error.empty() && r->error.empty()) {
    append_entities(out, *r, opt);
  } else {
    out.append("\"error\":");
    append_json_string(out, error.empty() && r ? std::string_view(r->error) : error);
  }
  out.append("}\n");
}

}  // namespace newsner::io
