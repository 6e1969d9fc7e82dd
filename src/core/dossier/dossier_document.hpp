// The dossier as a text document: a flat OpenDocument text (.fodt), which the office loads
// hidden in one go and exports through its PDF filter. Headings are real outline headings (the
// PDF's bookmarks); every record is a two-column table of its fields; milestones one table.
#pragma once

#include <string>

#include "core/dossier/dossier.hpp"

namespace dealsheet {

// Well-formed XML for any text: characters XML cannot hold are dropped, invalid UTF-8 shows
// as U+FFFD, line breaks, tabs and runs of spaces are kept.
std::string dossierFlatOdt(const Dossier& dossier);

}  // namespace dealsheet
