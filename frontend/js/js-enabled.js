// GOV.UK Frontend's "js-enabled" class, set before the page paints. A file of its own, not an
// inline script, so that the Content-Security-Policy allows scripts from this site only.
document.body.className +=
  " js-enabled" + ("noModule" in HTMLScriptElement.prototype ? " govuk-frontend-supported" : "");
