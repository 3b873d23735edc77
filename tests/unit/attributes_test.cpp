#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <type_traits>

#include "creds/attributes.hpp"
#include "creds/sources/token_source.hpp"

using namespace dbcurl;

namespace {

// How many rows of the table keep their value in field (a field of config).
template <typename Value>
int rows_filling(const DatabricksConfig& config, const std::optional<Value>& field) {
  int rows = 0;
  for (const Attribute& attribute : databricks_attributes()) {
    if constexpr (std::is_same_v<Value, SecretSourced>) {
      rows += attribute.secret != nullptr && &(config.*attribute.secret) == &field;
    } else {
      rows += attribute.plain != nullptr && &(config.*attribute.plain) == &field;
    }
  }
  return rows;
}

}  // namespace

// Keys: a key in two rows makes find_attribute give the first row for both
// (checked below; the composition keeps a source's repeat of a key out, and
// the next test checks that the repeat is that same row).
TEST_CASE("the attribute table: environment variables unique, each row one field of its own") {
  const DatabricksConfig config;
  std::set<std::string_view> variables;
  std::set<const void*> fields;
  for (const Attribute& attribute : databricks_attributes()) {
    INFO(attribute.key);
    CHECK(variables.insert(attribute.env).second);
    REQUIRE((attribute.plain == nullptr) != (attribute.secret == nullptr));
    CHECK(fields
              .insert(attribute.plain ? static_cast<const void*>(&(config.*attribute.plain))
                                      : static_cast<const void*>(&(config.*attribute.secret)))
              .second);
    CHECK(find_attribute(attribute.key) == &attribute);
  }
  CHECK(find_attribute("no_such_key") == nullptr);
}

TEST_CASE("every attribute a token source reads is that row of the table, in token_sources() order after the core") {
  const std::span<const Attribute> table = databricks_attributes();
  std::set<std::string_view> read_by_sources;
  for (const TokenSource* source : token_sources()) {
    for (const Attribute& attribute : source->attributes()) read_by_sources.insert(attribute.key);
  }
  // The core rows (no source reads them) come first, host the first of them.
  std::size_t next = 0;
  while (next < table.size() && !read_by_sources.contains(table[next].key)) ++next;
  CHECK(next > 0);
  CHECK(table.front().key == "host");
  // Then each source's rows, a row several read where the first lists it.
  for (const TokenSource* source : token_sources()) {
    for (const Attribute& attribute : source->attributes()) {
      INFO(source->auth_type() << " reads " << attribute.key);
      const Attribute* row = find_attribute(attribute.key);
      REQUIRE(row != nullptr);
      CHECK(*row == attribute);
      const auto index = static_cast<std::size_t>(row - table.data());
      if (index >= next) {  // its first reader: the next row
        CHECK(index == next);
        next = index + 1;
      }
    }
  }
  CHECK(next == table.size());
}

// The drift this table ends (a variable read but not redacted, a key redacted
// but not read): every secret of DatabricksConfig, and every plain value but
// the profile's name, is one row's. The binding names every field, so a
// field added to DatabricksConfig stops this test compiling until it is
// listed here.
TEST_CASE("every sourced field of DatabricksConfig is filled by exactly one attribute") {
  DatabricksConfig config;
  auto& [config_file, profile, host, workspace, token, username, password, auth_type, account_id, workspace_id,
         client_id, client_secret, audience, oidc_token_env, oidc_token_filepath, actions_id_token_request_url,
         actions_id_token_request_token, metadata_service_url, azure_resource_id, azure_client_id, azure_client_secret,
         azure_tenant_id, azure_environment, cli_path, token_command, explain] = config;
  // The profile's name is chosen, not read from one.
  CHECK(rows_filling(config, profile) == 0);
  // The number of sourced fields among fields, each checked (its position in the list on failure).
  const auto check_filled_once = [&config](const auto&... fields) {
    int position = 0;
    int checked = 0;
    const auto check = [&](const auto& field) {
      ++position;
      using Field = std::decay_t<decltype(field)>;
      if constexpr (std::is_same_v<Field, std::optional<Sourced>> ||
                    std::is_same_v<Field, std::optional<SecretSourced>>) {
        INFO("field " << position << " of the list");
        CHECK(rows_filling(config, field) == 1);
        ++checked;
      }
    };
    (check(fields), ...);
    return checked;
  };
  const int secrets_and_values = check_filled_once(
      config_file, host, workspace, token, username, password, auth_type, account_id, workspace_id, client_id,
      client_secret, audience, oidc_token_env, oidc_token_filepath, actions_id_token_request_url,
      actions_id_token_request_token, metadata_service_url, azure_resource_id, azure_client_id, azure_client_secret,
      azure_tenant_id, azure_environment, cli_path, token_command, explain);
  CHECK(static_cast<std::size_t>(secrets_and_values) == databricks_attributes().size());
}
