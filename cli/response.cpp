#include "cli/response.hpp"

#include "api/scheduler_client.hpp"

namespace aurora::cli {

void check_response(Context& context, const gen::Response& response, const std::string& heading,
                    ErrorKind kind) {
  const std::string messages = api::combine_messages(response);
  if (response.responseCode == gen::ResponseCode::OK) {
    if (!messages.empty()) context.log().info(messages);
    return;
  }
  context.print_err(heading);
  context.print_err("\t" + messages);
  if (response.responseCode == gen::ResponseCode::JOB_UPDATING_ERROR) {
    context.print_err("\tError: job is locked by an active update.");
    context.print_err("      Run 'aurora update abort' or wait for the active update to finish.");
  }
  throw Error(kind, "");
}

}  // namespace aurora::cli
