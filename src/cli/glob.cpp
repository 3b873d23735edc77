#include "cli/glob.hpp"

#include <charconv>
#include <limits>

#include "common/strings.hpp"

namespace dbcurl {

namespace {

Error glob_error(std::string_view what, std::size_t position) {
  return make_error(exit_code::kUrlMalformat, std::string(what) + " in URL position " + std::to_string(position) + ":");
}

// "[::1]" and friends are IPv6 literals, not ranges.
bool is_ipv6_literal(std::string_view rest) {
  const auto close = rest.find(']');
  if (close == std::string_view::npos || close < 3) return false;
  const std::string_view inside = rest.substr(1, close - 1);
  bool colon = false;
  for (char c : inside) {
    if (c == ':')
      colon = true;
    else if (!is_ascii_xdigit(c) && c != '.' && c != '%')
      return false;
  }
  return colon;
}

bool parse_number(std::string_view text, long& out) {
  if (text.empty()) return false;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc{} && ptr == text.data() + text.size() && out >= 0;
}

// The values of "[...]" (without the brackets); an empty vector means a bad range.
std::vector<std::string> expand_range(std::string_view body) {
  long step = 1;
  if (const auto colon = body.find(':'); colon != std::string_view::npos) {
    if (!parse_number(body.substr(colon + 1), step) || step < 1) return {};
    body = body.substr(0, colon);
  }
  const auto dash = body.find('-', 1);
  if (dash == std::string_view::npos) return {};
  const std::string_view low = body.substr(0, dash);
  const std::string_view high = body.substr(dash + 1);
  std::vector<std::string> values;
  if (low.size() == 1 && high.size() == 1 && is_ascii_alpha(low[0]) && is_ascii_alpha(high[0])) {
    if (low[0] > high[0]) return {};
    for (int c = low[0]; c <= high[0]; c += static_cast<int>(step)) values.emplace_back(1, static_cast<char>(c));
    return values;
  }
  long first = 0;
  long last = 0;
  if (!parse_number(low, first) || !parse_number(high, last) || first > last) return {};
  const std::size_t width = low.size() > 1 && low[0] == '0' ? low.size() : 0;
  for (long n = first; n <= last; n += step) {
    std::string text = std::to_string(n);
    if (text.size() < width) text.insert(0, width - text.size(), '0');
    values.push_back(std::move(text));
    if (values.size() > kMaxGlobUrls) break;  // the caller rejects it
  }
  return values;
}

}  // namespace

Result<UrlGlob> UrlGlob::parse(std::string_view url) {
  UrlGlob glob;
  std::string literal;
  const auto flush_literal = [&] {
    if (!literal.empty()) glob.segments_.push_back(Segment{std::move(literal), {}});
    literal.clear();
  };
  for (std::size_t pos = 0; pos < url.size();) {
    const char c = url[pos];
    if (c == '\\' && pos + 1 < url.size() && std::string_view("[]{}").find(url[pos + 1]) != std::string_view::npos) {
      literal += url[pos + 1];
      pos += 2;
    } else if (c == '{') {
      std::vector<std::string> values(1);
      std::size_t end = pos + 1;
      for (; end < url.size() && url[end] != '}'; ++end) {
        if (url[end] == '{') return glob_error("nested brace", end + 1);
        if (url[end] == ',')
          values.emplace_back();
        else
          values.back() += url[end];
      }
      if (end >= url.size()) return glob_error("unmatched brace", pos + 1);
      flush_literal();
      glob.segments_.push_back(Segment{{}, std::move(values)});
      pos = end + 1;
    } else if (c == '[' && url.substr(pos).starts_with("[]")) {
      literal += "[]";  // an empty pair is no range, as curl reads it
      pos += 2;
    } else if (c == '[' && !is_ipv6_literal(url.substr(pos))) {
      const auto close = url.find(']', pos);
      const std::size_t after = close == std::string_view::npos ? url.size() + 1 : close + 2;
      if (close == std::string_view::npos) return glob_error("bad range", after);
      std::vector<std::string> values = expand_range(url.substr(pos + 1, close - pos - 1));
      if (values.empty()) return glob_error("bad range", after);
      flush_literal();
      glob.segments_.push_back(Segment{{}, std::move(values)});
      pos = close + 1;
    } else if (c == '[') {
      const auto close = url.find(']', pos);
      literal += url.substr(pos, close - pos + 1);
      pos = close + 1;
    } else if (c == ']' || c == '}') {
      return glob_error("unmatched close brace/bracket", pos + 1);
    } else {
      literal += c;
      ++pos;
    }
  }
  flush_literal();
  for (const auto& segment : glob.segments_) {
    if (segment.values.empty()) continue;
    if (glob.size_ > std::numeric_limits<std::size_t>::max() / segment.values.size()) {
      glob.size_ = std::numeric_limits<std::size_t>::max();
      break;
    }
    glob.size_ *= segment.values.size();
  }
  return glob;
}

UrlGlob UrlGlob::literal(std::string_view url) {
  UrlGlob glob;
  glob.segments_.push_back(Segment{std::string(url), {}});
  return glob;
}

std::string UrlGlob::url(std::size_t index, std::vector<std::string>* matches) const {
  // Mixed radix, the last pattern varying fastest.
  std::vector<std::size_t> picks(segments_.size(), 0);
  for (std::size_t i = segments_.size(); i-- > 0;) {
    if (segments_[i].values.empty()) continue;
    picks[i] = index % segments_[i].values.size();
    index /= segments_[i].values.size();
  }
  std::string out;
  if (matches != nullptr) matches->clear();
  for (std::size_t i = 0; i < segments_.size(); ++i) {
    if (segments_[i].values.empty()) {
      out += segments_[i].literal;
    } else {
      out += segments_[i].values[picks[i]];
      if (matches != nullptr) matches->push_back(segments_[i].values[picks[i]]);
    }
  }
  return out;
}

std::string glob_output_name(std::string_view name, const std::vector<std::string>& matches) {
  std::string out;
  for (std::size_t pos = 0; pos < name.size(); ++pos) {
    if (name[pos] == '#' && pos + 1 < name.size() && is_ascii_digit(name[pos + 1])) {
      std::size_t end = pos + 1;
      while (end < name.size() && is_ascii_digit(name[end])) ++end;
      std::size_t number = 0;
      std::from_chars(name.data() + pos + 1, name.data() + end, number);
      if (number >= 1 && number <= matches.size()) {
        out += matches[number - 1];
        pos = end - 1;
        continue;
      }
    }
    out += name[pos];
  }
  return out;
}

std::string glob_error_text(const Error& error, std::string_view url) {
  const auto at = error.message.rfind("position ");
  std::size_t position = 1;
  if (at != std::string::npos) {
    const char* start = error.message.data() + at + 9;
    std::from_chars(start, error.message.data() + error.message.size() - 1, position);
  }
  return std::string(url) + "\n" + std::string(position > 0 ? position - 1 : 0, ' ') + "^\n";
}

}  // namespace dbcurl
