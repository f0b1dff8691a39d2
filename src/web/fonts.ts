// Roboto's faces load beside the first render rather than before it: the text shows at once in the
// fallback face (the faces are font-display: swap either way), and the stylesheet no longer blocks it.
import '@fontsource/roboto/400.css';
import '@fontsource/roboto/500.css';
import '@fontsource/roboto/700.css';
