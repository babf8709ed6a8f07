// Result<T>: a value or an error message, for everything that can fail at setup
// (loading a gazetteer, parsing a flag). Messages name the file and line and
// quote the offending text. Nothing in the library throws across its API.
#pragma once

#include <optional>
#include <string>
#include <utility>

namespace newsner {

template <typename T>
struct Result {
  std::optional<T> value;
  std::string error;

  static Result success(T v) { return Result{std::move(v), {}}; }
  static Result failure(std::string message) { return Result{std::nullopt, std::move(message)}; }
  bool ok() const { return value.has_value(); }
};

}  // namespace newsner
