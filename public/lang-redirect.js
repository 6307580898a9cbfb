// The root page's only script: a reader whose browser prefers Japanese or English goes straight to that
// language's home; anyone else, and a reader without JavaScript, chooses on the page itself.
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
