#include <catch2/catch.hpp>

#include "apply/apply.hpp"
#include "common/environment.hpp"

using namespace dbcurl;

namespace {

using Variables = std::map<std::string, std::string, std::less<>>;
using Locations = std::pair<std::optional<std::string>, std::optional<std::string>>;

Locations locations(const Variables& variables, bool verifies_peer = true,
                    const std::optional<std::string>& cacert = std::nullopt,
                    const std::optional<std::string>& capath = std::nullopt) {
  const CaLocations ca = ca_locations(cacert, capath, verifies_peer, MapEnvironment(variables));
  return {ca.file, ca.directory};
}

}  // namespace

TEST_CASE("CA variables as curl 7.88 reads them: only the first set, in its order, and none with -k") {
  const Variables all{{"CURL_CA_BUNDLE", "bundle.pem"}, {"SSL_CERT_DIR", "certs"}, {"SSL_CERT_FILE", "file.pem"}};
  CHECK(locations(all) == Locations{"bundle.pem", std::nullopt});
  CHECK(locations({{"SSL_CERT_DIR", "certs"}, {"SSL_CERT_FILE", "file.pem"}}) == Locations{std::nullopt, "certs"});
  CHECK(locations({{"SSL_CERT_FILE", "file.pem"}}) == Locations{"file.pem", std::nullopt});
  CHECK(locations(all, false) == Locations{});
  // --cacert or --capath: no variable at all.
  CHECK(locations(all, true, "given.pem") == Locations{"given.pem", std::nullopt});
  CHECK(locations(all, true, std::nullopt, "given") == Locations{std::nullopt, "given"});
}
