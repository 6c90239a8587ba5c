package cn.gov.lvliang.ledger.query.web;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real Chromium, headless, driven through the Debian chromedriver. Both binaries are given by path, so Selenium
 * Manager never looks for (or downloads) a browser or a driver. Where chromedriver is not installed, the tests that
 * need it are skipped with a message; {@code ./ledger test} installs it.
 */
public final class HeadlessChromium implements AutoCloseable {

    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private final ChromeDriver driver;

    private HeadlessChromium(ChromeDriver driver) {
        this.driver = driver;
    }

    /** Starts the browser, or skips the calling test class if Chromium or chromedriver is not installed. */
    public static HeadlessChromium startOrSkip() {
        assumeTrue(Files.isExecutable(CHROMEDRIVER), "Browser tests skipped: " + CHROMEDRIVER + " is not installed "
                + "(apt-get install chromium chromium-driver; ./ledger test installs them)");
        assumeTrue(Files.isExecutable(CHROMIUM), "Browser tests skipped: " + CHROMIUM + " is not installed");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--window-size=1400,1000", "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return new HeadlessChromium(driver);
    }

    public WebDriver driver() {
        return driver;
    }

    /** Signs in through the sign-in page, as a person would; the session then carries every page that follows. */
    public void signIn(String baseUrl, String user, String password) {
        String signInPage = baseUrl + "/login";
        driver.get(signInPage);
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("sign-in")).click();
        // The click only submits the form: wait for the answer, the page signed in to or the sign-in page with an
        // error, before telling which it is.
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(page -> !page.getCurrentUrl().equals(signInPage));
        if (driver.getCurrentUrl().contains("/login")) {
            throw new IllegalStateException("Sign-in as " + user + " failed: " + driver.getCurrentUrl());
        }
    }

    /** The text of each cell of each body row of the table {@code #table-<id>}, as the page shows it. */
    @SuppressWarnings("unchecked")
    public List<List<String>> rows(String tableId) {
        return (List<List<String>>) script("""
                const table = document.getElementById('table-' + arguments[0]);
                if (!table) { throw new Error('no table ' + arguments[0]); }
                return [...table.tBodies[0].rows].filter(row => !row.classList.contains('empty'))
                    .map(row => [...row.cells].map(cell => cell.textContent.trim()));""", tableId);
    }

    /** The headers of the table {@code #table-<id>}. */
    @SuppressWarnings("unchecked")
    public List<String> headers(String tableId) {
        return (List<String>) script("""
                return [...document.getElementById('table-' + arguments[0]).tHead.rows[0].cells]
                    .map(cell => cell.textContent.trim());""", tableId);
    }

    /** The link in each body row's given column of the table, or null where the cell has none. */
    @SuppressWarnings("unchecked")
    public List<String> links(String tableId, int column) {
        return (List<String>) script("""
                return [...document.getElementById('table-' + arguments[0]).tBodies[0].rows]
                    .filter(row => !row.classList.contains('empty'))
                    .map(row => { const a = row.cells[arguments[1]].querySelector('a');
                                  return a ? a.getAttribute('href') : null; });""", tableId, column);
    }

    /** The ids of the page's panels whose content is wider than the panel, so that a reader must scroll sideways. */
    @SuppressWarnings("unchecked")
    public List<String> panelsScrollingSideways() {
        return (List<String>) script("""
                return [...document.querySelectorAll('.panel')]
                    .filter(panel => panel.scrollWidth > panel.clientWidth + 1).map(panel => panel.id);""");
    }

    /** How many lines the text of each body row's given column of the table takes on the page. */
    @SuppressWarnings("unchecked")
    public List<Long> lines(String tableId, int column) {
        return (List<Long>) script("""
                return [...document.getElementById('table-' + arguments[0]).tBodies[0].rows]
                    .filter(row => !row.classList.contains('empty'))
                    .map(row => row.cells[arguments[1]].firstElementChild.getClientRects().length);""",
                tableId, column);
    }

    public Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
