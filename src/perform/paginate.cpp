#include "perform/paginate.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
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

bool PageMerger::spool(const std::string& key, const nlohmann::json& items) {
  Spool& spool = arrays_[key];
  if (!spool.file) spool.file.reset(std::tmpfile());
  if (!spool.file) return false;
  for (const auto& item : items) {
    if (spool.items++ > 0) std::fputc(',', spool.file.get());
    const std::string text = item.dump();
    if (std::fwrite(text.data(), 1, text.size(), spool.file.get()) != text.size()) return false;
  }
  return true;
}

bool PageMerger::add(std::string_view body) {
  nlohmann::json page = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (!page.is_object()) return false;
  ++pages_;
  std::size_t items = 0;
  for (const auto& [key, value] : page.items()) {
    if (!value.is_array()) continue;
    items = std::max(items, value.size());
    if (!spool(key, value)) return false;
    first_.erase(key);  // a later page's array replaces what the first page had there
  }
  next_.reset();
  if (page.contains("next_page_token") && page["next_page_token"].is_string() &&
      !page["next_page_token"].get_ref<const std::string&>().empty()) {
    const std::string& token = page["next_page_token"].get_ref<const std::string&>();
    token_repeated_ = !tokens_.insert(token).second;
    next_ = NextPage{token, std::nullopt};
  } else if (page.value("has_more", false) && items > 0) {
    offset_ += static_cast<long>(items);
    next_ = NextPage{std::nullopt, offset_};
  }
  if (pages_ == 1) {
    for (auto& [key, value] : page.items()) {
      if (!value.is_array()) first_[key] = std::move(value);
    }
    for (const char* field : kPagingFields) first_.erase(field);
  }

  return true;
}

bool PageMerger::write(const std::function<bool(std::string_view)>& sink) const {
  // Keys in nlohmann::json's order (a std::map's), as dump() writes them.
  std::set<std::string> keys;
  for (const auto& [key, value] : first_.items()) keys.insert(key);
  for (const auto& [key, spool] : arrays_) keys.insert(key);
  if (!sink("{")) return false;
  bool first_key = true;
  for (const std::string& key : keys) {
    if (!sink((first_key ? "" : ",") + nlohmann::json(key).dump() + ":")) return false;
    first_key = false;
    const auto spooled = arrays_.find(key);
    if (spooled == arrays_.end()) {
      if (!sink(first_.at(key).dump())) return false;
      continue;
    }
    if (!sink("[")) return false;
    std::FILE* file = spooled->second.file.get();
    std::rewind(file);
    char buffer[64 * 1024];
    for (std::size_t got; (got = std::fread(buffer, 1, sizeof buffer, file)) > 0;) {
      if (!sink(std::string_view(buffer, got))) return false;
    }
    std::fseek(file, 0, SEEK_END);  // where the next page's items go
    if (!sink("]")) return false;
  }
  return sink("}");
}

std::string PageMerger::document() const {
  std::string text;
  write([&](std::string_view piece) {
    text += piece;
    return true;
  });
  return text;
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
