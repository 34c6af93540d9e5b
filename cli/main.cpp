#include <iostream>
#include <string>
#include <vector>

#include "cli/application.hpp"
#include "commands/register_commands.hpp"
#include "errors/interrupt.hpp"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  aurora::interrupt::install_handler();
  aurora::cli::CommandTree tree;
  aurora::commands::register_commands(tree);
  const std::vector<std::string> args(argv + 1, argv + argc);
  const int code = aurora::cli::run_command_line(tree, args, std::cout, std::cerr);
  std::cout.flush();
  return code;
}
