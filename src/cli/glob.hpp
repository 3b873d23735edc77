#pragma once
// curl's URL globbing: {a,b,c} sets and [1-10], [001-100:10], [a-z] ranges,
// \[ \] \{ \} for the literal characters, expanded with the last pattern
// varying fastest; #N in an -o name is the Nth pattern's value.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"

namespace dbcurl {

class UrlGlob {
 public:
  // Errors use curl's wording and exit code 3; the message is
  // "<what> in URL position N:" with N 1-based, for the caret line.
  static Result<UrlGlob> parse(std::string_view url);
  // -g/--globoff: the URL exactly as given.
  static UrlGlob literal(std::string_view url);

  std::size_t size() const { return size_; }
  // The index-th URL; matches receives each pattern's value (for #N).
  std::string url(std::size_t index, std::vector<std::string>* matches = nullptr) const;

 private:
  struct Segment {
    std::string literal;              // used when values is empty
    std::vector<std::string> values;  // a pattern's alternatives
  };
  std::vector<Segment> segments_;
  std::size_t size_ = 1;
};

// An -o name with #1, #2 ... replaced by the patterns' values.
std::string glob_output_name(std::string_view name, const std::vector<std::string>& matches);

// The three lines curl prints for a glob error: message, URL, caret.
std::string glob_error_text(const Error& error, std::string_view url);

inline constexpr std::size_t kMaxGlobUrls = 100000;

}  // namespace dbcurl
