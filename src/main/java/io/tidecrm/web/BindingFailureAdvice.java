package io.tidecrm.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A request whose parameters cannot even be bound to a form (a list index of {@code -1}, a
 * property path that does not exist) was not sent by our pages: it is a bad request (400),
 * never a server error.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class BindingFailureAdvice {

    @ExceptionHandler(InvalidPropertyException.class)
    void badRequest(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_BAD_REQUEST);
    }
}
