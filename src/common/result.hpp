#pragma once
// Expected failures travel as values: an Error carries the one-line message
// dbcurl prints and the exit code the process ends with.

#include <string>
#include <utility>
#include <variant>

#include "common/exit_codes.hpp"

namespace dbcurl {

// What kind of failure, where a caller acts on it.
enum class ErrorKind {
  kFailed,
  kTimedOut,  // a time limit ran out (a helper, a token request): trying again cannot help
  kNotRun,    // --explain: a helper or token request that a real run would make
};

struct Error {
  std::string message;  // one line; already contains "file:line: " when a place is known
  int exit_code = exit_code::kUsage;
  std::string hint;  // optional lines on how to fix it, printed after the message
  ErrorKind kind = ErrorKind::kFailed;
};

inline Error make_error(int code, std::string message, std::string hint = {}) {
  return Error{std::move(message), code, std::move(hint)};
}

// "FILE:LINE: message", the location style used for every config-file error.
inline Error error_at(int code, const std::string& file, std::size_t line, const std::string& message) {
  return Error{file + ":" + std::to_string(line) + ": " + message, code, {}};
}

struct Ok {};

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::in_place_index<0>, std::move(value)) {}      // NOLINT: implicit by design
  Result(Error error) : state_(std::in_place_index<1>, std::move(error)) {}  // NOLINT

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { return std::get<0>(state_); }
  const T& value() const& { return std::get<0>(state_); }
  T&& value() && { return std::get<0>(std::move(state_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  const Error& error() const { return std::get<1>(state_); }

 private:
  std::variant<T, Error> state_;
};

using Status = Result<Ok>;

}  // namespace dbcurl
