#include "perform/version.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <memory>
#include <string_view>
#include <vector>

#include "build_info.hpp"
#include "common/strings.hpp"

namespace dbcurl {

std::string version_banner() {
  const curl_version_info_data* info = curl_version_info(CURLVERSION_NOW);
  // The first line names the libcurl too, as curl's does: scripts (and curl's
  // tests 1022 1023) read the libcurl version from it.
  std::string out = std::string("dbcurl ") + kVersion + " libcurl/" + info->version + "\n";
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
  std::sort(features.begin(), features.end(), [](const char* a, const char* b) { return iless(a, b); });
  for (const char* feature : features) out += std::string(" ") + feature;
  out += "\n";
  return out;
}

std::string engine_list() {
  std::string out = "Build-time engines:\n";
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> easy(curl_easy_init(), &curl_easy_cleanup);
  curl_slist* engines = nullptr;
  if (easy) curl_easy_getinfo(easy.get(), CURLINFO_SSL_ENGINES, &engines);
  if (engines == nullptr) out += "  <none>\n";
  for (const curl_slist* engine = engines; engine != nullptr; engine = engine->next) {
    out += std::string("  ") + engine->data + "\n";
  }
  curl_slist_free_all(engines);
  return out;
}

LibcurlFeatures libcurl_features() {
  const curl_version_info_data* info = curl_version_info(CURLVERSION_NOW);
  LibcurlFeatures features;
  features.http3 = (info->features & CURL_VERSION_HTTP3) != 0;
  features.tls_srp = (info->features & CURL_VERSION_TLSAUTH_SRP) != 0;
  features.dns_servers = info->ares_num != 0;
  for (const char* const* protocol = info->protocols; *protocol != nullptr; ++protocol) {
    features.protocols.emplace_back(*protocol);
  }
  return features;
}

}  // namespace dbcurl
