#pragma once
// Runs a program to completion with extra environment variables, capturing stdout and stderr.

#include <map>
#include <string>
#include <vector>

struct ProcessResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

ProcessResult run_process(const std::vector<std::string>& argv,
                          const std::map<std::string, std::string>& env = {});
