#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace maplace::embedded {

// A file compiled into the binary by cmake/embed.cmake; path is relative to its source folder.
struct EmbeddedFile {
  std::string path;
  std::string_view bytes;
};

const std::vector<EmbeddedFile>& Migrations();       // storage/migrations/<dialect>/NNNN_*.sql
const std::vector<EmbeddedFile>& WebAssets();        // web/templates/*.tpl, web/static/**
const std::vector<EmbeddedFile>& VendorAssets();     // npm front-end files: leaflet.js, .css
const std::vector<EmbeddedFile>& CommonPasswords();  // generated list, one per line
const std::vector<EmbeddedFile>& FapTwins();         // domain/jobs/data/fap_twins.csv
const std::vector<EmbeddedFile>& AidRules();         // rules/**/*.toml

}  // namespace maplace::embedded
