#pragma once
// --data-urlencode and --url-query values, encoded as curl encodes them.

#include <string>
#include <string_view>

#include "cli/data_args.hpp"

namespace dbcurl {

// Percent-encoding with curl's unreserved set; a space becomes '+'.
std::string url_encode_form(std::string_view text);

// The five --data-urlencode forms: "content", "=content", "name=content",
// "@file", "name@file" (only the content is encoded).
Result<std::string> url_encoded_value(std::string_view value, const FileSystem& files, const WarningSink& warn);

// --url-query: like --data-urlencode, or given as is after a leading '+'.
Result<std::string> url_query_value(std::string_view value, const FileSystem& files, const WarningSink& warn);

}  // namespace dbcurl
