#include "perform/paginate.hpp"

#include <algorithm>
#include <charconv>
#include <vector>

#include "common/strings.hpp"

namespace dbcurl {

namespace {

constexpr const char* kPagingFields[] = {"next_page_token", "prev_page_token", "has_more"};

struct UrlQuery {
  std::string base;                // up to the '?'
  std::vector<std::string> parts;  // the query's non-empty name=value parts
  std::string fragment;            // from the '#', if any
};

UrlQuery split_query(const std::string& url) {
  const auto hash = url.find('#');
  UrlQuery split{url.substr(0, hash), {}, hash == std::string::npos ? "" : url.substr(hash)};
  const auto question = split.base.find('?');
  if (question == std::string::npos) return split;
  std::string_view query = std::string_view(split.base).substr(question + 1);
  while (!query.empty()) {
    const auto amp = query.find('&');
    if (amp != 0) split.parts.emplace_back(query.substr(0, amp));
    if (amp == std::string_view::npos) break;
    query.remove_prefix(amp + 1);
  }
  split.base.resize(question);
  return split;
}

}  // namespace

bool PageMerger::add(std::string_view body) {
  nlohmann::json page = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (!page.is_object()) return false;
  ++pages_;
  std::size_t items = 0;
  for (auto& [key, value] : page.items()) {
    if (!value.is_array()) continue;
    items = std::max(items, value.size());
    if (pages_ == 1) continue;
    nlohmann::json& target = merged_[key];
    if (!target.is_array()) target = nlohmann::json::array();
    for (auto& item : value) target.push_back(std::move(item));
  }
  if (pages_ == 1) merged_ = page;

  next_.reset();
  if (page.contains("next_page_token") && page["next_page_token"].is_string() &&
      !page["next_page_token"].get_ref<const std::string&>().empty()) {
    next_ = NextPage{page["next_page_token"].get<std::string>(), std::nullopt};
  } else if (page.value("has_more", false) && items > 0) {
    offset_ += static_cast<long>(items);
    next_ = NextPage{std::nullopt, offset_};
  }
  return true;
}

std::string PageMerger::document() const {
  nlohmann::json result = merged_;
  for (const char* field : kPagingFields) result.erase(field);
  return result.dump();
}

std::string with_query_parameter(const std::string& url, std::string_view name, std::string_view value) {
  const UrlQuery split = split_query(url);
  std::vector<std::string> parts = split.parts;
  const std::string pair = std::string(name) + "=" + percent_encode(value, false);
  bool replaced = false;
  for (auto& part : parts) {
    if (part.substr(0, part.find('=')) == name) {
      part = pair;
      replaced = true;
    }
  }
  if (!replaced) parts.push_back(pair);
  return split.base + "?" + join(parts, "&") + split.fragment;
}

std::optional<std::string> with_json_field(std::string_view body, std::string_view name, const nlohmann::json& value) {
  nlohmann::json document =
      body.empty() ? nlohmann::json::object() : nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (!document.is_object()) return std::nullopt;
  document[std::string(name)] = value;
  return document.dump();
}

long query_offset(const std::string& url) {
  for (const auto& part : split_query(url).parts) {
    if (!part.starts_with("offset=")) continue;
    long offset = 0;
    std::from_chars(part.data() + 7, part.data() + part.size(), offset);
    return offset;
  }
  return 0;
}

}  // namespace dbcurl
