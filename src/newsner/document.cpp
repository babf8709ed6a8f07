#include "newsner/document.hpp"

namespace newsner {

std::string_view to_string(EntityType type) {
  switch (type) {
    case EntityType::Person: return "PERSON";
    case EntityType::Location: return "LOCATION";
    case EntityType::Organization: return "ORGANIZATION";
    case EntityType::Date: return "DATE";
  }
  return "UNKNOWN";
}

std::optional<EntityType> parse_entity_type(std::string_view name) {
  if (name == "PERSON" || name == "PER") return EntityType::Person;
  if (name == "LOCATION" || name == "LOC") return EntityType::Location;
  if (name == "ORGANIZATION" || name == "ORG") return EntityType::Organization;
  if (name == "DATE") return EntityType::Date;
  return std::nullopt;
}

}  // namespace newsner
