#include "core/embedded_files.h"
#include "domain/aids/rules.h"

namespace maplace::aids {

std::vector<RulesFile> EmbeddedRulesFiles() {
  std::vector<RulesFile> files;
  for (const embedded::EmbeddedFile& file : embedded::AidRules()) {
    files.push_back({"rules/" + file.path, std::string(file.bytes)});
  }
  return files;
}

}  // namespace maplace::aids
