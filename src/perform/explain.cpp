#include "perform/explain.hpp"

#include "apply/apply.hpp"
#include "cli/parse.hpp"
#include "common/redact.hpp"

namespace dbcurl {

std::string explain_transfers(const std::vector<std::string>& resolution, const std::vector<PlannedTransfer>& transfers,
                              const SecretRegistry& secrets) {
  std::string out = "dbcurl --explain: nothing is sent, no token helper runs.\n\nResolution:\n";
  for (const auto& line : resolution) out += "  " + line + "\n";
  for (const auto& planned : transfers) {
    const RequestPlan& plan = planned.plan;
    out += "\nRequest " + std::to_string(planned.url_index + 1) + ": " + request_method(*planned.config) + " " +
           plan.url + "\n";
    for (const auto& line : plan.explain) out += "  " + line + "\n";
    out +=
        "  User-Agent: " + (planned.config->user_agent ? *planned.config->user_agent : default_user_agent(plan)) + "\n";
    // A token --explain did not obtain has no Authorization to show (the auth: line says why).
    if (plan.auth == AuthMode::kBearer && !plan.bearer->view().empty()) {
      out += "  Authorization: Bearer " + redacted_form(plan.bearer->view()) + "\n";
    }
    for (const auto& header : plan.headers) out += "  " + header + "\n";
    if (planned.config->post_data) out += "  body: " + std::to_string(planned.config->post_data->size()) + " bytes\n";
  }
  return secrets.redact_trace(out);
}

}  // namespace dbcurl
