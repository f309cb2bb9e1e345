package org.districtops.auth.account;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/** The sign-in form: plain HTML with its stylesheet, no JavaScript; Spring Security's form login handles the POST. */
@Controller
class LoginPage {

    @GetMapping(path = "/login", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String login(HttpServletRequest request) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String message = "";
        if (request.getParameter("error") != null) {
            message = "<p class=\"error\" role=\"alert\">Unknown username or wrong password.</p>";
        } else if (request.getParameter("logout") != null) {
            message = "<p class=\"info\" role=\"status\">You are signed out.</p>";
        }
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>Sign in · District Operations Platform</title>
                  <link rel="stylesheet" href="/css/login.css">
                </head>
                <body>
                <main>
                  <h1>Sign in</h1>
                  <p class="lead">District Operations Platform</p>
                  %s
                  <form method="post" action="/login">
                    <label for="username">Username</label>
                    <input id="username" name="username" autocomplete="username" required autofocus>
                    <label for="password">Password</label>
                    <input id="password" name="password" type="password" autocomplete="current-password" required>
                    <input type="hidden" name="%s" value="%s">
                    <button type="submit">Sign in</button>
                  </form>
                </main>
                </body>
                </html>
                """.formatted(message, HtmlUtils.htmlEscape(csrf.getParameterName()), HtmlUtils.htmlEscape(csrf.getToken()));
    }
}
