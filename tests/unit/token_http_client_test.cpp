#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <thread>

#include "apply/token_http_client.hpp"
#include "common/redact.hpp"

using namespace dbcurl;

namespace {

// A one-shot HTTP server on 127.0.0.1: answers the first request with a
// canned reply and keeps what it received. Every wait has a limit.
class OneShotServer {
 public:
  explicit OneShotServer(std::string reply) : reply_(std::move(reply)) {
    listener_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    REQUIRE(bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    REQUIRE(listen(listener_, 4) == 0);
    REQUIRE(getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length) == 0);
    port_ = ntohs(address.sin_port);
    thread_ = std::thread([this] { serve(); });
  }
  ~OneShotServer() {
    thread_.join();
    close(listener_);
  }
  OneShotServer(const OneShotServer&) = delete;
  OneShotServer& operator=(const OneShotServer&) = delete;

  std::string url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port_) + path; }
  // Call after the client returned; join() happens in the destructor.
  const std::string& received() const { return received_; }

 private:
  void serve() {
    pollfd waiting{listener_, POLLIN, 0};
    if (poll(&waiting, 1, 20000) != 1) return;
    const int connection = accept(listener_, nullptr, nullptr);
    if (connection < 0) return;
    timeval limit{20, 0};
    setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
    char buffer[4096];
    for (int reads = 0; reads < 1000 && !complete(); ++reads) {
      const ssize_t got = recv(connection, buffer, sizeof buffer, 0);
      if (got <= 0) break;
      received_.append(buffer, static_cast<std::size_t>(got));
    }
    for (std::size_t sent = 0; sent < reply_.size();) {
      const ssize_t wrote = send(connection, reply_.data() + sent, reply_.size() - sent, MSG_NOSIGNAL);
      if (wrote <= 0) break;
      sent += static_cast<std::size_t>(wrote);
    }
    close(connection);
  }
  // The head and a Content-Length body have arrived.
  bool complete() const {
    const std::size_t head_end = received_.find("\r\n\r\n");
    if (head_end == std::string::npos) return false;
    const std::size_t length_at = received_.find("Content-Length: ");
    if (length_at == std::string::npos || length_at > head_end) return true;
    const std::size_t length = std::stoul(received_.substr(length_at + 16));
    return received_.size() >= head_end + 4 + length;
  }

  std::string reply_;
  std::string received_;
  int listener_ = -1;
  int port_ = 0;
  std::thread thread_;
};

std::string reply_of(const std::string& status_line, const std::string& headers, const std::string& body) {
  return "HTTP/1.1 " + status_line + "\r\n" + headers + "Content-Length: " + std::to_string(body.size()) +
         "\r\nConnection: close\r\n\r\n" + body;
}

}  // namespace

TEST_CASE("token http: a form POST with Basic credentials, and its reply") {
  const MapEnvironment env;
  SecretRegistry secrets;
  CurlTokenHttp http(env, secrets);
  OneShotServer server(reply_of("200 OK", "Content-Type: application/json\r\n", R"({"access_token":"t"})"));
  std::vector<HttpField> fields;
  fields.push_back({"grant_type", SecretString("client_credentials")});
  fields.push_back({"scope", SecretString("all apis&more")});
  const BasicCredentials basic{"client", SecretString("s3cret")};
  Result<HttpReply> reply = http.post_form(server.url("/oidc/v1/token"), {}, fields, &basic);
  REQUIRE(reply);
  CHECK(reply->status == 200);
  CHECK(reply->content_type == "application/json");
  CHECK(reply->body.view() == R"({"access_token":"t"})");
  const std::string& request = server.received();
  CHECK(request.starts_with("POST /oidc/v1/token HTTP/1.1\r\n"));
  CHECK(request.find("\r\nAuthorization: Basic Y2xpZW50OnMzY3JldA==\r\n") != std::string::npos);  // client:s3cret
  CHECK(request.find("\r\nContent-Type: application/x-www-form-urlencoded\r\n") != std::string::npos);
  CHECK(request.ends_with("\r\n\r\ngrant_type=client_credentials&scope=all+apis%26more"));
  CHECK(request.find("User-Agent: dbcurl/") != std::string::npos);
}

TEST_CASE("token http: GET with headers; an error status is a reply, a redirect is not followed") {
  const MapEnvironment env;
  SecretRegistry secrets;
  CurlTokenHttp http(env, secrets);
  {
    OneShotServer server(reply_of("400 Bad Request", "", R"({"error":"invalid_client"})"));
    std::vector<HttpField> headers;
    headers.push_back({"X-Databricks-Metadata-Version", SecretString("1")});
    Result<HttpReply> reply = http.get(server.url("/metadata"), headers);
    REQUIRE(reply);
    CHECK(reply->status == 400);
    CHECK(reply->body.view() == R"({"error":"invalid_client"})");
    CHECK(server.received().starts_with("GET /metadata HTTP/1.1\r\n"));
    CHECK(server.received().find("\r\nX-Databricks-Metadata-Version: 1\r\n") != std::string::npos);
  }
  {
    OneShotServer server(reply_of("302 Found", "Location: http://127.0.0.1:1/elsewhere\r\n", ""));
    Result<HttpReply> reply = http.get(server.url("/moved"), {});
    REQUIRE(reply);
    CHECK(reply->status == 302);
  }
}

TEST_CASE("token http: a reply over the size limit is an error") {
  const MapEnvironment env;
  SecretRegistry secrets;
  CurlTokenHttp http(env, secrets);
  OneShotServer server(reply_of("200 OK", "", std::string(kMaxTokenReplyBytes + 1, 'x')));
  Result<HttpReply> reply = http.get(server.url("/big"), {});
  REQUIRE_FALSE(reply);
  CHECK(reply.error().exit_code == exit_code::kTokenRequestFailed);
  CHECK(reply.error().message.find("larger than 1024 KiB") != std::string::npos);
}

TEST_CASE("token http: no connection is an error naming the URL") {
  const MapEnvironment env;
  SecretRegistry secrets;
  CurlTokenHttp http(env, secrets, nullptr, std::chrono::seconds(5));
  Result<HttpReply> reply = http.get("http://127.0.0.1:1/token", {});
  REQUIRE_FALSE(reply);
  CHECK(reply.error().exit_code == exit_code::kTokenRequestFailed);
  CHECK(reply.error().message.starts_with("token request to http://127.0.0.1:1/token failed: (7) "));
}

TEST_CASE("token http: a secret URL is redacted in messages also as libcurl rebuilds it") {
  const MapEnvironment env;
  SecretRegistry secrets;
  CurlTokenHttp http(env, secrets, nullptr, std::chrono::seconds(5));
  const std::string url = "HTTP://127.0.0.1:0001/meta/0f9e8d7c6b5a4f3e2d1c?v=1";
  secrets.add(url);
  Result<HttpReply> reply = http.get(url, {});
  REQUIRE_FALSE(reply);
  CHECK(secrets.redact_text(reply.error().message).find("0f9e8d7c6b5a4f3e2d1c") == std::string::npos);
}

TEST_CASE("token http: refused before connecting: cleartext off loopback, through a proxy, other schemes") {
  MapEnvironment env;
  SecretRegistry secrets;
  CurlTokenHttp http(env, secrets);
  const auto refused = [&](const std::string& url) {
    Result<HttpReply> reply = http.post_form(url, {}, {}, nullptr);
    return !reply && reply.error().exit_code == exit_code::kPlainHttpRefused;
  };
  CHECK(refused("http://accounts.cloud.databricks.com/oidc/v1/token"));
  CHECK(refused("ftp://127.0.0.1/token"));
  CHECK(refused("HTTP://10.0.0.1/token"));  // libcurl's reading of the scheme, not the text's
  env.set("http_proxy", "http://127.0.0.1:3128");
  CHECK(refused("http://127.0.0.1:8080/token"));
  Result<HttpReply> with_user = http.get("https://user:pw@127.0.0.1/token", {});
  REQUIRE_FALSE(with_user);
  CHECK(with_user.error().message.find("pw") == std::string::npos);
}
