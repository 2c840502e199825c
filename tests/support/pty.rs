//! Runs the real binary in a pseudo-terminal and reads its screen through a terminal
//! emulator, as a person at the keyboard would. Tests wait for text on the screen;
//! they never sleep a fixed time.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};

pub struct Pty {
    screen: Arc<Mutex<vt100::Parser>>,
    received: Arc<std::sync::atomic::AtomicUsize>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
}

impl Pty {
    /// Starts `roundtable ARGS` in `cwd` on a `cols`×`rows` terminal.
    pub fn spawn(args: &[&str], cwd: &Path, cols: u16, rows: u16) -> Pty {
        Pty::spawn_with_env(args, cwd, cols, rows, &[])
    }

    /// As `spawn`, with extra environment variables.
    pub fn spawn_with_env(
        args: &[&str],
        cwd: &Path,
        cols: u16,
        rows: u16,
        env: &[(&str, &str)],
    ) -> Pty {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_roundtable"));
        command.args(args);
        command.cwd(cwd);
        command.env("TERM", "xterm-256color");
        command.env("LANG", "C.UTF-8");
        for (key, value) in env {
            command.env(key, value);
        }
        let child = pair
            .slave
            .spawn_command(command)
            .expect("the binary starts");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let size = |n: u16| std::num::NonZero::new(n).expect("a terminal of at least 1×1");
        let screen = Arc::new(Mutex::new(vt100::Parser::new(size(rows), size(cols), 0)));
        let feed = Arc::clone(&screen);
        let received = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let counter = Arc::clone(&received);
        thread::spawn(move || {
            // Keep the master alive as long as we read from it.
            let _master = pair.master;
            let mut buf = [0u8; 8192];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        counter.fetch_add(n, std::sync::atomic::Ordering::Relaxed);
                        feed.lock().expect("screen lock").process(&buf[..n]);
                    }
                }
            }
        });
        Pty {
            screen,
            received,
            writer,
            child,
        }
    }

    /// The screen's text now.
    pub fn screen(&self) -> String {
        self.screen.lock().expect("screen lock").screen().contents()
    }

    /// Waits until `needle` is on the screen; panics with the screen after `timeout`.
    pub fn wait_for(&self, needle: &str) -> String {
        self.wait_until(needle, |screen| screen.contains(needle))
    }

    /// Waits until `ready` holds for the screen; `what` names it in the failure.
    pub fn wait_until(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let screen = self.screen();
            if ready(&screen) {
                return screen;
            }
            if Instant::now() > deadline {
                panic!("waited 20 s for {what:?}; the screen shows:\n{screen}");
            }
            thread::sleep(Duration::from_millis(20));
        }
    }

    /// Types text or key sequences, as raw bytes.
    pub fn send(&mut self, bytes: &str) {
        self.writer
            .write_all(bytes.as_bytes())
            .expect("write to pty");
        self.writer.flush().expect("flush pty");
    }

    /// Whether the terminal is as the program found it: main screen, cursor shown,
    /// no mouse reporting, no bracketed paste.
    pub fn terminal_is_restored(&self) -> bool {
        let parser = self.screen.lock().expect("screen lock");
        let screen = parser.screen();
        !screen.alternate_screen()
            && !screen.hide_cursor()
            && !screen.bracketed_paste()
            && screen.mouse_protocol_mode() == vt100::MouseProtocolMode::None
    }

    /// Sends a signal (`TERM`, `HUP`, …) to the process.
    pub fn signal(&self, name: &str) {
        let status = std::process::Command::new("kill")
            .args([&format!("-{name}"), &self.process_id().to_string()])
            .status()
            .expect("kill runs");
        assert!(status.success());
    }

    /// How many bytes the program has written to the terminal so far.
    pub fn bytes_received(&self) -> usize {
        self.received.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// CPU time (user + system) the process has used, in clock ticks, from /proc.
    pub fn cpu_ticks(&self) -> u64 {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", self.process_id()))
            .expect("/proc/PID/stat");
        // Fields after the command name, which is in parentheses and may hold spaces.
        let fields: Vec<&str> = stat[stat.rfind(')').expect("comm") + 2..]
            .split(' ')
            .collect();
        let ticks = |i: usize| fields[i].parse::<u64>().expect("a number");
        // utime and stime are fields 14 and 15 of the whole line: 11 and 12 here.
        ticks(11) + ticks(12)
    }

    pub fn process_id(&self) -> u32 {
        self.child.process_id().expect("a running child")
    }

    /// Kills the process with SIGKILL: no chance to save or clean up.
    pub fn kill_hard(&mut self) {
        let status = std::process::Command::new("kill")
            .args(["-KILL", &self.process_id().to_string()])
            .status()
            .expect("kill runs");
        assert!(status.success());
        let _ = self.child.wait();
    }

    /// Waits for the process to exit by itself and returns whether it succeeded.
    pub fn wait_exit(&mut self) -> bool {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Some(status) = self.child.try_wait().expect("child status") {
                return status.success();
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!(
                    "the process did not exit; the screen shows:\n{}",
                    self.screen()
                );
            }
            thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}
