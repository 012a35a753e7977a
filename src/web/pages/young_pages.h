#pragma once

#include <ctemplate/template.h>

#include <cstdint>
#include <optional>
#include <set>
#include <utility>

#include "domain/young_people/young_person.h"
#include "web/http.h"
#include "web/routes.h"

namespace maplace::web {

// The favourites of the signed-in young person, read once per page; nullopt for anyone else
// (the button is for young people only).
using FavouriteKeys = std::set<std::pair<young_people::FavouriteKind, std::int64_t>>;
std::optional<FavouriteKeys> LoadFavouriteKeys(const Request& request, const WebServices& services);

// « Ajouter aux favoris » / « Retirer des favoris » (partials/young_favourite.tpl) under the
// include name FAVOURITE of `dict`: a form POST that works without JavaScript and comes back
// to `return_to`. Nothing when `keys` is nullopt.
void AddFavouriteButton(ctemplate::TemplateDictionary& dict, const Request& request,
                        const std::optional<FavouriteKeys>& keys, young_people::FavouriteKind kind,
                        std::int64_t id, const std::string& title, const std::string& return_to);

// « Enregistrer cette recherche » (partials/young_save_search.tpl) under the include name
// SAVE_SEARCH of `dict`, for a signed-in young person, with the current query string.
void AddSaveSearchForm(ctemplate::TemplateDictionary& dict, const Request& request,
                       const WebServices& services);

}  // namespace maplace::web
