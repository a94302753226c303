// GNU readline for Swift. readline's configuration lives in mutable C globals, which Swift 6
// will not touch directly; these inline functions do it on Swift's behalf.
#include <stdio.h>
#include <readline/readline.h>
#include <readline/history.h>

static inline void crl_set_attempted_completion(rl_completion_func_t *f) { rl_attempted_completion_function = f; }
static inline void crl_set_attempted_completion_over(int v) { rl_attempted_completion_over = v; }
static inline void crl_set_completion_append_character(int c) { rl_completion_append_character = c; }
static inline void crl_set_readline_name(const char *name) { rl_readline_name = name; }
static inline void crl_set_signal_event_hook(rl_hook_func_t *f) { rl_signal_event_hook = f; }
static inline void crl_set_basic_word_break_characters(const char *s) { rl_basic_word_break_characters = s; }
static inline const char *crl_line_buffer(void) { return rl_line_buffer; }
static inline int crl_point(void) { return rl_point; }
static inline int crl_history_length(void) { return history_length; }
static inline int crl_history_base(void) { return history_base; }

/* Ctrl-C at the prompt: drop the typed text and show a fresh prompt, as shells do. */
static inline void crl_abandon_line(void) {
    rl_replace_line("", 0);
    rl_point = rl_end = rl_mark = 0;
    rl_crlf();
    rl_on_new_line();
    rl_redisplay();
}
