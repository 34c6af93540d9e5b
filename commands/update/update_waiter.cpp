// The polling loop behind `update wait` and `update rollback --wait`.
#include "commands/update/update_waiter.hpp"

#include <algorithm>

#include "api/scheduler_client.hpp"
#include "cli/response.hpp"
#include "commands/scheduler_terms.hpp"
#include "commands/update/update_progress.hpp"
#include "commands/update/update_repr.hpp"
#include "errors/error.hpp"
#include "errors/interrupt.hpp"
#include "grammars/duration.hpp"

namespace aurora::commands::update {
namespace {

using Status = gen::JobUpdateStatus;
using Clock = std::chrono::steady_clock;

// One progress line on stderr, redrawn in place and erased before anything else is printed.
class ProgressLine {
 public:
  ProgressLine(cli::Context& context, bool enabled) : context_(context), enabled_(enabled) {}
  ~ProgressLine() { clear(); }

  bool enabled() const { return enabled_; }
  void show(const std::string& text) {
    if (!enabled_) return;
    context_.err() << "\r" << text << "\x1b[K" << std::flush;
    shown_ = true;
  }
  void clear() {
    if (!shown_) return;
    context_.err() << "\r\x1b[K" << std::flush;
    shown_ = false;
  }

 private:
  cli::Context& context_;
  bool enabled_;
  bool shown_ = false;
};

// "90 secs", "10 mins"; a zero timeout reads "0 secs" rather than "0 days".
std::string span_text(std::chrono::seconds span) {
  return span.count() == 0 ? "0 secs" : grammars::format_duration(span.count());
}

std::string resume_command(const grammars::JobKey& job, const gen::JobUpdateKey& key) {
  return "aurora update wait " + job.str() + " " + key.id;
}

// Hints for states where the update waits for someone, so a watcher knows what unblocks it.
void print_state_hint(cli::Context& context, const grammars::JobKey& job, Status::type status) {
  if (status == Status::ROLL_FORWARD_PAUSED || status == Status::ROLL_BACK_PAUSED) {
    context.print_err("The update is paused; resume it with: aurora update resume " + job.str());
  } else if (status == Status::ROLL_FORWARD_AWAITING_PULSE ||
             status == Status::ROLL_BACK_AWAITING_PULSE) {
    context.print_err("The update is awaiting a pulse; send one with: aurora update pulse " +
                      job.str());
  }
}

Status::type poll_status(cli::Context& context, api::SchedulerClient& scheduler,
                         const gen::JobUpdateKey& key) {
  gen::JobUpdateQuery query;
  query.__set_key(key);
  const auto response = scheduler.getJobUpdateSummaries(query);
  cli::check_response(context, response);
  const auto& summaries = response.result.getJobUpdateSummariesResult.updateSummaries;
  if (summaries.empty()) throw Error(ErrorKind::InvalidParameter, "Job update not found.");
  if (summaries.size() > 1) {
    throw Error(ErrorKind::Api, "Scheduler returned multiple updates: " + python_repr(summaries));
  }
  return summaries.front().state.status;
}

// Best effort: a failed details query only skips one redraw.
void draw_progress(ProgressLine& line, api::SchedulerClient& scheduler,
                   const gen::JobUpdateKey& key, Status::type status) {
  gen::JobUpdateQuery query;
  query.__set_key(key);
  gen::Response response;
  try {
    response = scheduler.getJobUpdateDetails(query);
  } catch (const Error& error) {
    if (error.kind() == ErrorKind::Interrupted) throw;
    return;
  }
  if (response.responseCode != gen::ResponseCode::OK) return;
  const auto& result = response.result.getJobUpdateDetailsResult;
  if (!result.detailsList.empty()) {
    line.show(progress_line(status, progress_of(result.detailsList.front())));
  } else if (result.__isset.details) {
    line.show(progress_line(status, progress_of(result.details)));
  }
}

}  // namespace

int exit_code_for_ending(Status::type status, WaitGoal goal) {
  if (status == Status::ROLLED_FORWARD) return goal == WaitGoal::RollForward ? 0 : 4;
  if (status == Status::ROLLED_BACK) return goal == WaitGoal::RollBack ? 0 : 4;
  return 20;
}

int wait_for_update(cli::Context& context, const grammars::JobKey& job,
                    const gen::JobUpdateKey& key, const WaitSettings& settings, WaitGoal goal) {
  interrupt::Cooperative cooperative;
  auto& scheduler = context.scheduler(context.clusters().get(job.cluster));
  ProgressLine progress(context, settings.show_progress);
  const auto started = Clock::now();
  std::optional<Status::type> current;
  try {
    while (true) {
      const Status::type status = poll_status(context, scheduler, key);
      interrupt::check();
      if (status != current) {
        current = status;
        progress.clear();
        context.print_out("Current state " + update_status_name(status));
        print_state_hint(context, job, status);
      }
      if (active_update_states().count(status) == 0) return exit_code_for_ending(status, goal);
      if (progress.enabled()) draw_progress(progress, scheduler, key, status);

      auto pause = std::chrono::duration_cast<std::chrono::milliseconds>(settings.interval);
      if (settings.timeout) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            started + *settings.timeout - Clock::now());
        if (left.count() <= 0) {
          progress.clear();
          throw Error(ErrorKind::Timeout, "Timed out after " + span_text(*settings.timeout) +
                                              " waiting for update " + key.id + "; it is still " +
                                              update_status_name(status) + " and keeps running.\n" +
                                              "To keep watching: " + resume_command(job, key));
        }
        pause = std::min(pause, left);
      }
      interrupt::sleep_for_ms(pause.count());
    }
  } catch (const Error& error) {
    if (error.kind() != ErrorKind::Interrupted) throw;
    progress.clear();
    context.print_err("Stopped watching; update " + key.id + " keeps running" +
                      (current ? " (" + update_status_name(*current) + ")" : std::string()) +
                      ".\nTo keep watching: " + resume_command(job, key));
    throw;
  }
}

}  // namespace aurora::commands::update
