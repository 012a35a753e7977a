#pragma once

#include <ctemplate/template.h>

#include "domain/offers/offer.h"
#include "web/routes.h"

namespace maplace::web {

// The facts of an offer as its pages show them (TITLE, ORGANISATION-less: ID, ROME, JOB,
// LEVEL, CONTRACT, START, DURATION, POSITIONS, RHYTHM, COMMUNE, PARAGRAPH sections, …);
// defined in employer_pages.cc.
void FillOfferFacts(ctemplate::TemplateDictionary& dict, const WebServices& services,
                    const offers::Offer& offer);

}  // namespace maplace::web
