#include "perform/version.hpp"

#include <curl/curl.h>
#include <strings.h>

#include <algorithm>
#include <string_view>
#include <vector>

#include "build_info.hpp"

namespace dbcurl {

std::string version_banner() {
  const curl_version_info_data* info = curl_version_info(CURLVERSION_NOW);
  std::string out = std::string("dbcurl ") + kVersion + "\n";
  out += std::string("curl ") + info->version + " (" + kCurlHostTriple + ") " + curl_version() + "\n";
  out += std::string("Release-Date: ") + LIBCURL_TIMESTAMP + "\n";
  out += "Protocols:";
  for (const char* const* protocol = info->protocols; *protocol != nullptr; ++protocol) {
    // curl lists the rtmp variants (rtmpe, rtmps, ...) only as "rtmp".
    const std::string_view name = *protocol;
    if (name.starts_with("rtmp") && name.size() > 4) continue;
    out += std::string(" ") + *protocol;
  }
  out += "\nFeatures:";
  std::vector<const char*> features;
  for (const char* const* feature = info->feature_names; feature != nullptr && *feature != nullptr; ++feature) {
    features.push_back(*feature);
  }
  std::sort(features.begin(), features.end(), [](const char* a, const char* b) { return strcasecmp(a, b) < 0; });
  for (const char* feature : features) out += std::string(" ") + feature;
  out += "\n";
  return out;
}

}  // namespace dbcurl
