// The root page's only script: readers whose browser prefers English go to /en/ before the
// meta refresh (which sends everyone else, and readers without JavaScript, to /ja/).
(function () {
  var languages = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || 'ja'];
  for (var i = 0; i < languages.length; i++) {
    var tag = String(languages[i]).toLowerCase();
    if (tag.indexOf('ja') === 0) return location.replace('/ja/');
    if (tag.indexOf('en') === 0) return location.replace('/en/');
  }
})();
