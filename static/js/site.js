// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";

  // Signing form: show the postcode for UK signers and the country for everyone else.
  var radios = document.querySelectorAll('input[name="location"]');
  if (radios.length) {
    var postcode = document.getElementById("postcode");
    var country = document.getElementById("country");
    var update = function () {
      var abroad = document.querySelector('input[name="location"]:checked');
      abroad = abroad && abroad.value === "abroad";
      if (postcode) postcode.closest(".field").hidden = abroad;
      if (country) country.closest(".field").hidden = !abroad;
    };
    radios.forEach(function (radio) { radio.addEventListener("change", update); });
    update();
  }

  // Share box: a button that copies the link.
  var share = document.getElementById("share-url");
  if (share && navigator.clipboard) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button button-secondary copy-button";
    button.textContent = "Copy link";
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(share.value).then(function () {
        button.textContent = "Copied";
      });
    });
    share.insertAdjacentElement("afterend", button);
  }
})();
