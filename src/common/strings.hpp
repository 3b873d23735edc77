#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dbcurl {

std::string to_lower(std::string_view text);
bool iequals(std::string_view a, std::string_view b);
bool istarts_with(std::string_view text, std::string_view prefix);
std::string_view trim(std::string_view text);
// Drops every CR and LF, as curl reads -d @file and --etag-compare files.
void erase_line_breaks(std::string& text);
// Splits on separator; empty pieces are kept ("a,,b" is three).
std::vector<std::string_view> split(std::string_view text, char separator);
// Splits on '\n', dropping a trailing '\r' from each line.
std::vector<std::string_view> split_lines(std::string_view text);
// RFC 3986 percent-encoding of everything but unreserved characters; a space
// becomes '+' when space_as_plus (form encoding, as curl's --data-urlencode).
std::string percent_encode(std::string_view text, bool space_as_plus);
std::string join(const std::vector<std::string>& parts, std::string_view separator);

}  // namespace dbcurl
