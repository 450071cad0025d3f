package cn.zhutui.security;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Logs in by username or by phone number. */
@Service
class ZhutuiUserDetailsService implements UserDetailsService {

    private final UserRepository users;

    ZhutuiUserDetailsService(UserRepository users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String login) {
        return users.findByLogin(login == null ? "" : login.trim())
                .map(ZhutuiUserDetails::new)
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }
}
