// The root page's only script: readers whose browser prefers English go to the English home before
// the meta refresh (which sends everyone else, and readers without JavaScript, to the Japanese one).
// The homes come from this script element's data-ja and data-en, written with the site's base path.
(function () {
  var homes = document.currentScript ? document.currentScript.dataset : {};
  var languages = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || 'ja'];
  for (var i = 0; i < languages.length; i++) {
    var tag = String(languages[i]).toLowerCase();
    if (tag.indexOf('ja') === 0 && homes.ja) return location.replace(homes.ja);
    if (tag.indexOf('en') === 0 && homes.en) return location.replace(homes.en);
  }
})();
