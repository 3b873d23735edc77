#pragma once
// --paginate: Databricks page tokens (next_page_token → page_token) and the
// older has_more + offset style, merged into one JSON document. Pure.

#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "apply/curl_handles.hpp"

namespace dbcurl {

struct NextPage {
  std::optional<std::string> page_token;
  std::optional<long> offset;  // absolute offset of the next page
};

// Merges pages as they arrive, holding one page at a time: the arrays' items
// are spooled to anonymous temporary files, so memory stays bounded however
// many pages come.
class PageMerger {
 public:
  // start_offset: the offset the first request asked for (0 when none).
  explicit PageMerger(long start_offset = 0) : offset_(start_offset) {}

  // Adds one page; false when it is not a JSON object (pagination cannot go on).
  bool add(std::string_view body);
  // The next page to ask for, or nullopt after the last page.
  std::optional<NextPage> next() const { return next_; }
  // True when the last page's token was already given by an earlier page:
  // the server is not advancing.
  bool token_repeated() const { return token_repeated_; }
  // Writes the first page with every array field concatenated across pages
  // and the paging fields removed, in pieces; false when sink refused one.
  bool write(const std::function<bool(std::string_view)>& sink) const;
  // The same document as one string.
  std::string document() const;
  long pages() const { return pages_; }

 private:
  struct Spool {
    OwnedFile file;  // the items, each serialized, comma-separated
    std::size_t items = 0;
  };
  bool spool(const std::string& key, const nlohmann::json& items);

  nlohmann::json first_ = nlohmann::json::object();  // the first page, arrays and paging fields taken out
  std::map<std::string, Spool> arrays_;
  std::set<std::string> tokens_;
  std::optional<NextPage> next_;
  bool token_repeated_ = false;
  long offset_;
  long pages_ = 0;
};

// The URL with name=value set in its query (replaced when present).
std::string with_query_parameter(const std::string& url, std::string_view name, std::string_view value);
// The JSON body with a field set; an empty body becomes an object.
std::optional<std::string> with_json_field(std::string_view body, std::string_view name, const nlohmann::json& value);
// The offset=N of a URL's query, or 0.
long query_offset(const std::string& url);

}  // namespace dbcurl
