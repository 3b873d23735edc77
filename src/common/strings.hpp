#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dbcurl {

// Protocol text is ASCII. These never consult the locale, as <cctype> does:
// under tr_TR.ISO-8859-9 tolower('I') is 0xFD, under de_DE.ISO-8859-1
// isalnum(0xE9) is true. src/ uses no C library classification (test ascii_only).
constexpr bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
constexpr bool is_ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
constexpr bool is_ascii_lower(char c) { return c >= 'a' && c <= 'z'; }
constexpr bool is_ascii_alpha(char c) { return is_ascii_upper(c) || is_ascii_lower(c); }
constexpr bool is_ascii_alnum(char c) { return is_ascii_alpha(c) || is_ascii_digit(c); }
constexpr bool is_ascii_xdigit(char c) { return is_ascii_digit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f'); }
// The C locale's isspace: space, \t, \n, \v, \f, \r.
constexpr bool is_ascii_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
// C0 controls and DEL: in a header value, CR and LF would start another header line.
constexpr bool is_ascii_control(char c) {
  return static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) == 0x7f;
}
constexpr char ascii_lower(char c) { return is_ascii_upper(c) ? static_cast<char>(c + ('a' - 'A')) : c; }

std::string to_lower(std::string_view text);
bool iequals(std::string_view a, std::string_view b);
bool istarts_with(std::string_view text, std::string_view prefix);
// Case-insensitive ordering, as strcasecmp in the C locale.
bool iless(std::string_view a, std::string_view b);
std::string_view trim(std::string_view text);
bool has_ascii_control(std::string_view text);
// A file's bytes as curl 7.88's tool reads a text file (file2string: -d @file,
// -w @file, --etag-compare): in pieces of at most 255 bytes that end at a line
// break, each kept up to its first CR, LF or NUL byte.
std::string curl_file_text(std::string_view bytes);
// Splits on separator; empty pieces are kept ("a,,b" is three).
std::vector<std::string_view> split(std::string_view text, char separator);
// Splits on '\n', dropping a trailing '\r' from each line.
std::vector<std::string_view> split_lines(std::string_view text);
// RFC 3986 percent-encoding of everything but unreserved characters; a space
// becomes '+' when space_as_plus (form encoding, as curl's --data-urlencode).
std::string percent_encode(std::string_view text, bool space_as_plus);
std::string join(const std::vector<std::string>& parts, std::string_view separator);

}  // namespace dbcurl
