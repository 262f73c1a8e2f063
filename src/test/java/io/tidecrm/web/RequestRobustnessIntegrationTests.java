package io.tidecrm.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.TestUsers;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Requests a browser really sends never answer 500: many requests of one session at the same
 * moment (a double click, several tabs), and form fields that cannot be bound.
 */
@IntegrationTest
class RequestRobustnessIntegrationTests {

    private static final int PARALLEL = 20;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    CustomerFixtures fixtures;

    @Test
    void twentyParallelGetsOfOneFreshSessionGetNoServerError() throws Exception {
        Cookie session = signIn("rep1");
        List<Integer> statuses = inParallel(() -> get("/customers").cookie(session));
        assertThat(statuses).hasSize(PARALLEL).allSatisfy(status -> assertThat(status).isEqualTo(200));
    }

    @Test
    void twentyParallelPostsOfOneSessionGetNoServerError() throws Exception {
        Cookie session = signIn("rep2");
        // Each answer is a redirect with a flash message, which every request stores in the one session.
        List<Integer> statuses = inParallel(() -> post("/notifications/read-all").cookie(session).with(csrf()));
        assertThat(statuses).hasSize(PARALLEL).allSatisfy(status -> assertThat(status).isEqualTo(302));
    }

    @Test
    void aNegativeListIndexInAFormIsABadRequestNotAServerError() throws Exception {
        long customer = fixtures.insert(CustomerFixtures.uniqueName("负下标"), "A", "NEW", fixtures.userId("rep1"));
        for (String url : List.of("/customers/" + customer + "/opportunities", "/customers/" + customer + "/contracts")) {
            int status = mvc.perform(post(url).with(users.as("rep1")).with(csrf()).param("title", "负下标")
                    .param("lines[-1].quantity", "1")).andReturn().getResponse().getStatus();
            assertThat(status).as(url).isEqualTo(400);
        }
    }

    private Cookie signIn(String username) throws Exception {
        Cookie cookie = mvc.perform(formLogin("/login").user(username).password(TestUsers.DEMO_PASSWORD)).andReturn()
                .getResponse().getCookie("SESSION");
        assertThat(cookie).isNotNull();
        return cookie;
    }

    /** Sends the same request {@link #PARALLEL} times at once and returns the statuses. */
    private List<Integer> inParallel(Callable<MockHttpServletRequestBuilder> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < PARALLEL; i++) {
                MockHttpServletRequestBuilder builder = request.call();
                answers.add(pool.submit(() -> {
                    start.await();
                    return mvc.perform(builder).andReturn().getResponse().getStatus();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
